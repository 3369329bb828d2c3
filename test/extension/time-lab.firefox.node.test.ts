// The time-window lab in the built extension in Firefox, as far as automation reaches: the popup page is opened in a
// tab by the test-only background script (firefox-extension.ts), and a host permission in the test copy stands in for
// the toolbar click's activeTab grant, so Fill reaches the page as it would after a click. Truth from oathtool; the
// readings are steadied against step boundaries as in Chromium (time-lab-popup.ts).
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { message, paste } from './read-popup.js';
import { startSignUpSite, type SignUpSite } from './sign-up-pages.js';
import { oathtool, rangeText, setOffset, steadySnapshot, stepAt, whichStep } from './time-lab-popup.js';

describe('extension popup in Firefox: the time-window lab (test copy with a host permission in place of the click’s grant)', function () {
  let site: SignUpSite;
  let firefox: FirefoxWithPopup;
  let tab: Page;

  before(async () => {
    site = await startSignUpSite();
    firefox = await launchFirefoxWithPopupTab({ host_permissions: ['<all_urls>'] });
    await firefox.popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode, { timeout: 20_000 });
    tab = await firefox.browser.newPage();
    await tab.goto(`${site.origin}/none`);
    await tab.bringToFront();
  });

  after(async () => {
    await firefox?.close();
    await site?.close();
  });

  it('loads the lab only when opened, and shows oathtool’s codes for T−2 … T+2 with their time ranges', async () => {
    const { popup } = firefox;
    expect(await popup.evaluate(() => customElements.get('time-lab'))).to.equal(undefined);
    expect(await popup.evaluate(() => performance.getEntriesByType('resource').some((entry) => /time-(window-)?lab\.js$/.test(entry.name)))).to.equal(false);
    await popup.evaluate(() => (document.querySelector<HTMLDetailsElement>('#lab')!.open = true));
    await popup.waitForFunction(() => document.querySelectorAll('time-lab .lab-code').length === 5, { timeout: 20_000 });
    const shot = await steadySnapshot(popup);
    const first = shot.rows[0]!;
    expect(shot.rows.map((row) => row.code)).to.deep.equal(oathtool(shot.key, first.start / 1000, 4));
    for (const row of shot.rows) expect(row.range).to.equal(rangeText(row, shot.key.period));
    expect(shot.generatorCode).to.equal(shot.rows[2]!.code);
  });

  it('"Which step is this code?" places oathtool’s T−1 code and refuses Unicode digits', async () => {
    const { popup } = firefox;
    let placed = false;
    for (let attempt = 0; attempt < 5 && !placed; attempt++) {
      const shot = await steadySnapshot(popup);
      const now = shot.before;
      const [code] = oathtool(shot.key, (stepAt(shot.key.period, now) - 1) * shot.key.period);
      const answer = await whichStep(popup, code!);
      if (stepAt(shot.key.period, answer.after) !== stepAt(shot.key.period, now)) continue;
      expect(answer).to.deep.include({ offset: '-1', found: 'true' });
      expect(answer.text).to.match(/^1 step ago \(expired \d+ s ago\)\.$/);
      placed = true;
    }
    expect(placed, 'a step boundary at every attempt').to.equal(true);
    expect(await whichStep(popup, '١٢٣٤٥٦')).to.deep.include({ found: 'error', text: await message(popup, 'labWhichInvalid', '6') });
  });

  it('the offset shifts the generator, the lab and a pasted key as oathtool at the shifted time; Fill says so', async () => {
    const { popup } = firefox;
    await setOffset(popup, '-60');
    const shot = await steadySnapshot(popup);
    const step = stepAt(shot.key.period, shot.before - 60_000);
    expect(shot.generatorCode).to.equal(oathtool(shot.key, step * shot.key.period)[0]);
    expect(shot.rows[2]!.code).to.equal(shot.generatorCode);
    expect(shot.banner).to.include(await message(popup, 'labOffsetBanner', '−60'));

    // Fill from the lab's row +1, into the page's focused field.
    await tab.focus('input[name="name"]');
    const next = shot.rows.find((row) => row.offset === 1)!;
    await popup.evaluate(() => document.querySelector<HTMLElement>('time-lab .lab-code[data-offset="1"] .lab-fill')!.click());
    const status = await popup.waitForFunction(() => {
      const element = document.querySelector<HTMLElement>('#fill-message')!;
      return !element.hidden && element.textContent;
    });
    expect(await status.jsonValue()).to.equal(`${await message(popup, 'fillDoneFieldLabelled', 'Name')} (${await message(popup, 'labStepNote', '+1')}, ${await message(popup, 'labOffsetNote', '−60')})`);
    const filled = await tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value);
    expect(oathtool(shot.key, next.start / 1000, 1)).to.include(filled);

    await paste(popup, 'otpauth://totp/Lab:fx?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Lab&algorithm=SHA256');
    await popup.waitForFunction(() => document.querySelector('read-enrollment')?.currentCode);
    await popup.waitForFunction(() => document.querySelector('time-lab')!.enrollment?.parameters.algorithm === 'SHA256');
    const pasted = await steadySnapshot(popup);
    expect(pasted.key).to.deep.equal({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 6, period: 30 });
    expect(pasted.readViewCode).to.equal(oathtool(pasted.key, stepAt(30, pasted.before - 60_000) * 30)[0]);
    expect(pasted.rows.map((row) => row.code)).to.deep.equal(oathtool(pasted.key, (stepAt(30, pasted.before - 60_000) - 2) * 30, 4));
  });
});
