// The time-window lab in the built extension in headless Chromium, the popup opened by the real toolbar click.
// Truth comes from oathtool (liboath, in C) asked for the moment the popup says it used: each row of the lab carries
// its step's start, and readings are steadied against step boundaries (time-lab-popup.ts).
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, openPopup, pageProblems, waitForEnrollment, watchRequests, type ExtensionBrowser, type PageProblems, type SeenRequest } from './chromium-extension.js';
import { message, paste } from './read-popup.js';
import { startSignUpSite, type SignUpSite } from './sign-up-pages.js';
import { oathtool, openLab, rangeText, setOffset, steadySnapshot, stepAt, whichStep } from './time-lab-popup.js';

describe('extension popup in Chromium: the time-window lab', function () {
  let site: SignUpSite;
  let chromium: ExtensionBrowser;
  let seenRequests: SeenRequest[] = [];
  const problems: PageProblems[] = [];
  let openNow: Page | undefined;

  async function popupOver(path: string, focus?: string): Promise<Page> {
    await chromium.tab.goto(`${site.origin}${path}`);
    if (focus) await chromium.tab.focus(focus);
    const { popup, target } = await openPopup(chromium);
    await waitForEnrollment(popup);
    const close = popup.close.bind(popup);
    popup.close = async (options) => {
      openNow = undefined;
      problems.push(await pageProblems(popup, target, chromium.extension.id));
      return close(options);
    };
    openNow = popup;
    return popup;
  }

  const extensionFiles = () => seenRequests.map(({ url }) => url).filter((url) => url.startsWith(`chrome-extension://${chromium.extension.id}/`)).map((url) => new URL(url).pathname);

  before(async () => {
    site = await startSignUpSite();
    chromium = await launchWithExtension();
    seenRequests = await watchRequests(chromium.browser);
  });

  afterEach(async () => {
    await openNow?.close();
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('loads none of the lab when the popup opens, only when its section is opened', async () => {
    // First in this browser: nothing has loaded the lab's chunks before.
    const popup = await popupOver('/none');
    expect(extensionFiles()).to.include.members(['/popup.js', '/shared.js']);
    expect(extensionFiles()).not.to.include.members(['/time-lab.js']);
    expect(extensionFiles()).not.to.include('/time-window-lab.js');
    expect(await popup.evaluate(() => customElements.get('time-lab'))).to.equal(undefined);
    await openLab(popup);
    expect(extensionFiles()).to.include.members(['/time-lab.js', '/time-window-lab.js']);
    await popup.close();
  });

  it('shows oathtool’s codes for T−2 … T+2 of the live code, each with its time range, and the current one is the generator’s', async () => {
    const popup = await popupOver('/none');
    // The popup remembers its settings: the defaults last, for the tests after this one.
    for (const settings of [{ algorithm: 'SHA512', digits: '8', period: '20' }, { algorithm: 'SHA1', digits: '6', period: '30' }]) {
      await popup.select('select[name="algorithm"]', settings.algorithm);
      await popup.select('select[name="digits"]', settings.digits);
      await popup.$eval('input[name="period"]', (input, period) => {
        (input as HTMLInputElement).value = period;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, settings.period);
      await waitForEnrollment(popup);
      if (!(await popup.$('time-lab'))) await openLab(popup);
      await popup.waitForFunction((digits) => document.querySelector('time-lab .lab-value')?.getAttribute('data-code')?.length === Number(digits), {}, settings.digits);
      const shot = await steadySnapshot(popup);
      const { period } = shot.key;
      expect(shot.key).to.deep.include({ algorithm: settings.algorithm, digits: Number(settings.digits), period: Number(settings.period) });
      expect(shot.rows.map((row) => row.offset)).to.deep.equal([-2, -1, 0, 1, 2]);
      const first = shot.rows[0]!;
      expect(first.start % (period * 1000)).to.equal(0);
      expect(shot.rows.map((row) => row.code)).to.deep.equal(oathtool(shot.key, first.start / 1000, 4));
      const current = shot.rows[2]!;
      expect(current.start).to.be.at.most(shot.before).and.above(shot.after - period * 1000);
      for (const row of shot.rows) expect(row.range).to.equal(rangeText(row, period));
      // The generator's own code, read in the same step.
      expect(shot.generatorCode).to.equal(current.code);
    }
    await popup.close();
  });

  it('"Which step is this code?" places oathtool’s codes as oathtool does, and refuses what is not a code', async () => {
    const popup = await popupOver('/none');
    await openLab(popup);
    const shot = await steadySnapshot(popup);
    const { period } = shot.key;
    const place = async (offset: number) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = await popup.evaluate(() => document.querySelector('time-lab')!.now());
        const stepStart = (stepAt(period, now) + offset) * period;
        const [code] = oathtool(shot.key, stepStart);
        const answer = await whichStep(popup, code!);
        if (stepAt(period, answer.before) === stepAt(period, now) && stepAt(period, answer.after) === stepAt(period, now)) return { ...answer, stepStart };
      }
      throw new Error('a step boundary at every attempt');
    };
    const current = await place(0);
    expect(current).to.deep.include({ offset: '0', found: 'true', text: await message(popup, 'labWhichCurrent') });
    const ago = await place(-1);
    expect(ago).to.deep.include({ offset: '-1', found: 'true' });
    const expiredAgo = ago.text.match(/^1 step ago \(expired (\d+) s ago\)\.$/);
    expect(expiredAgo, ago.text).to.not.equal(null);
    expect(Number(expiredAgo![1])).to.be.within(Math.floor((ago.before - (ago.stepStart + period) * 1000) / 1000), Math.floor((ago.after - (ago.stepStart + period) * 1000) / 1000));
    const ahead = await place(3);
    expect(ahead).to.deep.include({ offset: '3', found: 'true' });
    const startsIn = ahead.text.match(/^3 steps ahead \(valid in (\d+) s\)\.$/);
    expect(startsIn, ahead.text).to.not.equal(null);
    expect(Number(startsIn![1])).to.be.within(2 * period + 1, 3 * period);
    const far = await place(-11);
    // Unless oathtool's code 11 steps back happens to equal one within ±10 (1 in 10^6 per step).
    expect(far.found).to.equal('false');
    expect(far.text).to.equal(await message(popup, 'labWhichNotFound', '10', 'SHA1, 6, 30 s', '0'));
    for (const bad of ['12ab56', '١٢٣٤٥٦', '12345', '１２３４５６']) {
      const answer = await whichStep(popup, bad);
      expect(answer, bad).to.deep.include({ found: 'error', text: await message(popup, 'labWhichInvalid', '6') });
    }
    await popup.close();
  });

  it('the clock offset shifts the lab, the generator and a pasted key exactly as oathtool at the shifted time; refuses bad offsets; shows a banner', async () => {
    const popup = await popupOver('/none');
    await openLab(popup);
    for (const offset of [60, -90, 300, -300]) {
      await setOffset(popup, String(offset));
      const shot = await steadySnapshot(popup);
      const { period } = shot.key;
      expect(shot.offset).to.equal(offset);
      const shiftedStep = stepAt(period, shot.before + offset * 1000);
      expect(shot.rows[2]!.step).to.equal(shiftedStep);
      expect(shot.generatorCode, `generator at ${offset} s`).to.equal(oathtool(shot.key, shiftedStep * period)[0]);
      expect(shot.rows.map((row) => row.code)).to.deep.equal(oathtool(shot.key, (shiftedStep - 2) * period, 4));
      const sign = offset > 0 ? `+${offset}` : `−${-offset}`;
      expect(shot.banner).to.include(await message(popup, 'labOffsetBanner', sign));
    }
    // The buttons step by the period; the field refuses what is not a whole number from −300 to +300, by name.
    await setOffset(popup, '60');
    await popup.click('time-lab .lab-plus');
    // The period is 30 s (the settings the test above left).
    expect(await popup.evaluate(() => document.querySelector('time-lab')!.clockOffset)).to.equal(90);
    await popup.click('time-lab .lab-minus');
    await popup.click('time-lab .lab-minus');
    expect(await popup.evaluate(() => document.querySelector('time-lab')!.clockOffset)).to.equal(30);
    for (const bad of ['301', '-301', '1.5', 'abc']) {
      await setOffset(popup, bad);
      expect(await popup.$eval('time-lab .lab-error', (error) => error.textContent), bad).to.equal(await message(popup, 'labOffsetInvalid', bad === 'abc' ? '' : bad, '300'));
      expect(await popup.evaluate(() => document.querySelector('time-lab')!.clockOffset)).to.equal(30);
    }
    // A key pasted while the offset is set shows its codes shifted too; its lab rows follow it.
    await setOffset(popup, '-120');
    await paste(popup, 'otpauth://totp/Lab:dev?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Lab&digits=8&period=60');
    await popup.waitForFunction(() => document.querySelector('time-lab .lab-value')?.getAttribute('data-code')?.length === 8);
    await popup.waitForFunction(() => document.querySelector('read-enrollment')?.currentCode);
    const pasted = await steadySnapshot(popup);
    expect(pasted.key).to.deep.equal({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 8, period: 60 });
    const pastedStep = stepAt(60, pasted.before - 120_000);
    expect(pasted.readViewCode).to.equal(oathtool(pasted.key, pastedStep * 60)[0]);
    expect(pasted.rows.map((row) => row.code)).to.deep.equal(oathtool(pasted.key, (pastedStep - 2) * 60, 4));
    // Reset: no banner, codes for the real time again.
    await popup.click('#clock-offset-banner button');
    const reset = await steadySnapshot(popup);
    expect(reset.banner).to.equal(null);
    expect(reset.readViewCode).to.equal(oathtool(reset.key, stepAt(60, reset.before) * 60)[0]);
    await popup.close();
  });

  it('Fill from the lab types that step’s code, says the step and the offset; "Fill the same code again" types it again', async () => {
    const popup = await popupOver('/none', 'input[name="name"]');
    await openLab(popup);
    await setOffset(popup, '60');
    const shot = await steadySnapshot(popup);
    const previous = shot.rows.find((row) => row.offset === -1)!;
    const fillMessage = async () =>
      (await (await popup.waitForFunction(() => {
        const status = document.querySelector<HTMLElement>('#fill-message')!;
        return !status.hidden && status.textContent;
      })).jsonValue()) as string;
    await popup.evaluate((offset) => document.querySelector<HTMLElement>(`time-lab .lab-code[data-offset="${offset}"] .lab-fill`)!.click(), previous.offset);
    // The row may have moved on a step by the time of the click: what was filled is the code that row showed then.
    const filled = await chromium.tab.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="name"]')!.value);
    const filledCode = (await filled.jsonValue()) as string;
    expect(oathtool(shot.key, previous.start / 1000, 1)).to.include(filledCode);
    expect(await fillMessage()).to.equal(`${await message(popup, 'fillDoneFieldLabelled', 'Name')} (${await message(popup, 'labStepNote', '−1')}, ${await message(popup, 'labOffsetNote', '+60')})`);

    // Replay: the same code again, into the emptied field, with the line saying what a correct server answers.
    await chromium.tab.$eval('input[name="name"]', (input) => ((input as HTMLInputElement).value = ''));
    await popup.evaluate(() => (document.querySelector<HTMLElement>('#fill-message')!.hidden = true));
    expect(await popup.$eval('time-lab .lab-replay button', (button) => button.textContent)).to.equal(await message(popup, 'labReplayButton', filledCode));
    expect(await popup.$eval('time-lab .lab-replay p', (line) => line.textContent)).to.equal(await message(popup, 'labReplayExpect'));
    await popup.click('time-lab .lab-replay button');
    expect(await fillMessage()).to.include(await message(popup, 'labReplayNote'));
    expect(await chromium.tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value)).to.equal(filledCode);

    // The popup's own Fill button with the offset set: the generator's shifted code, and the message says so.
    await chromium.tab.$eval('input[name="name"]', (input) => ((input as HTMLInputElement).value = ''));
    await popup.evaluate(() => (document.querySelector<HTMLElement>('#fill-message')!.hidden = true));
    const before = await popup.evaluate(() => Date.now());
    // The popup's own new key is filled only once confirmed (issue 22): the question first, then the confirmation.
    await popup.click('#fill');
    await popup.waitForSelector('#fill-confirm:not([hidden])');
    await popup.evaluate(() => (document.querySelector<HTMLElement>('#fill-message')!.hidden = true));
    await popup.click('#fill-confirm');
    expect(await fillMessage()).to.equal(`${await message(popup, 'fillDoneFieldLabelled', 'Name')} (${await message(popup, 'labOffsetNote', '+60')})`);
    const after = await popup.evaluate(() => Date.now());
    const code = await chromium.tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value);
    const period = shot.key.period;
    const candidates = new Set([before, after].map((at) => oathtool(shot.key, stepAt(period, at + 60_000) * period)[0]));
    expect([...candidates]).to.include(code);
    await popup.close();
  });

  it('forgets the offset when the popup closes', async () => {
    const popup = await popupOver('/none');
    expect(await popup.$('#clock-offset-banner')).to.equal(null);
    await openLab(popup);
    expect(await popup.evaluate(() => document.querySelector('time-lab')!.clockOffset)).to.equal(0);
    expect(await popup.$eval('#clock-offset-banner', (banner) => (banner as HTMLElement).hidden)).to.equal(true);
    await popup.close();
  });

  it('made no network request, logged no error and broke no CSP rule in any popup', () => {
    expect(problems.length).to.be.at.least(5);
    for (const { requests, errors, cspIssues } of problems) {
      expect(requests).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      expect(cspIssues).to.deep.equal([]);
    }
    expect(seenRequests.filter(({ url }) => !url.startsWith('chrome-extension://') && !url.startsWith(site.origin))).to.deep.equal([]);
  });
});
