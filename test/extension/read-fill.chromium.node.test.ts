// Read from this page, Paste and Fill in the built extension in headless Chromium, the popup opened by the real
// toolbar click (CDP Extensions.triggerAction: the activeTab grant that capture and fill ride on). Truth comes from
// elsewhere: QR codes drawn by <totp-generator> or the `qrcode` package, codes from oathtool, a page's own state.
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, openPopup, pageProblems, watchRequests, type ExtensionBrowser, type PageProblems, type SeenRequest } from './chromium-extension.js';
import { fill, message, oathtoolCodes, paste, popupShows, readFromPage, type ReadKey } from './read-popup.js';
import { BANK, HOTP_URI, LONG_LINK, SHOP_URI, startSignUpSite, type SignUpSite } from './sign-up-pages.js';

describe('extension popup in Chromium: Read from this page, Paste, Fill', function () {
  let site: SignUpSite;
  let chromium: ExtensionBrowser;
  let seenRequests: SeenRequest[] = [];
  const problems: PageProblems[] = [];
  const secretsRead: string[] = [];

  /** The popup open now, so that a failed test cannot leave it open over the next one. */
  let openNow: Page | undefined;

  /** Clicks the toolbar button over whatever the tab shows; the popup's problems are collected when it closes. */
  async function clickButton(): Promise<Page> {
    const { popup, target } = await openPopup(chromium);
    await popup.waitForSelector('#read');
    const close = popup.close.bind(popup);
    popup.close = async (options) => {
      openNow = undefined;
      problems.push(await pageProblems(popup, target, chromium.extension.id));
      return close(options);
    };
    openNow = popup;
    return popup;
  }

  /** Shows `path` of the test site (or a URL) in the tab, then clicks the toolbar button over it. */
  async function popupOver(path: string): Promise<Page> {
    await chromium.tab.goto(path.includes(':') ? path : `${site.origin}${path}`);
    return clickButton();
  }

  /** The extension's own files the browser has fetched so far (seen through the DevTools Fetch domain). */
  const extensionFiles = () => seenRequests.map(({ url }) => url).filter((url) => url.startsWith(`chrome-extension://${chromium.extension.id}/`)).map((url) => new URL(url).pathname);

  /** The rule that chose the target of the last fill, and why nothing was filled, as the popup records them. */
  const filledBy = (popup: Page) => popup.$eval('#fill-message', (status) => ({ rule: (status as HTMLElement).dataset.rule, reason: (status as HTMLElement).dataset.reason }));

  function expectKey(shows: Awaited<ReturnType<typeof popupShows>>): ReadKey {
    if (shows.kind !== 'key') throw new Error(`expected a key, the popup shows ${JSON.stringify(shows)}`);
    secretsRead.push(shows.key.secret);
    return shows.key;
  }

  before(async () => {
    site = await startSignUpSite();
    chromium = await launchWithExtension();
    seenRequests = await watchRequests(chromium.browser);
    await chromium.tab.setViewport({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    await openNow?.close();
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('loads neither the page tools nor the QR decoder when the popup opens, only at the first Read', async () => {
    // First in this browser: nothing has loaded the chunks before.
    const popup = await popupOver('/qrcode-6');
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    expect(extensionFiles()).to.include.members(['/popup.js', '/shared.js', '/vendor/lit.js']);
    expect(extensionFiles()).not.to.include('/qr-scan.js');
    expect(extensionFiles()).not.to.include('/page-tools.js');
    expectKey(await readFromPage(popup));
    expect(extensionFiles()).to.include.members(['/page-tools.js', '/qr-scan.js']);
    await popup.close();
  });

  it('reads our own <totp-generator> on a page: the code is oathtool’s for the secret the element shows; Fill makes the element report it valid', async () => {
    const popup = await popupOver('/generator');
    await chromium.tab.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    // The element's random secret, as the page shows it: what a developer's own sign-up page would have made.
    const shownSecret = await chromium.tab.evaluate(() => document.querySelector('totp-generator')!.secret);
    expect(shownSecret).to.match(/^[A-Z2-7]{32}$/);

    const key = expectKey(await readFromPage(popup));
    expect(key).to.deep.include({ issuer: 'Example Shop', accountName: 'jane@example.com', digits: '6', period: '30', algorithm: 'SHA1', secret: shownSecret, warning: false });
    expect(oathtoolCodes(shownSecret, {}, key.readAt)).to.include(key.code);
    expect(oathtoolCodes(shownSecret, {}, key.readAt + 30_000)).to.include(key.nextCode);

    await fill(popup);
    // The element marks its verify field autocomplete="one-time-code".
    expect(await filledBy(popup)).to.deep.equal({ rule: 'one-time-code', reason: '' });
    const verified = await chromium.tab.waitForFunction(() => {
      const generator = document.querySelector('totp-generator')!;
      const field = generator.shadowRoot!.querySelector<HTMLInputElement>('[part~="verify"]')!;
      const verifications = (window as unknown as { verifications: { valid: boolean }[] }).verifications;
      return verifications.length > 0 && { field: field.value, verifications };
    });
    const { field, verifications } = (await verified.jsonValue()) as { field: string; verifications: { valid: boolean; offset: number }[] };
    expect(oathtoolCodes(shownSecret, {}, Date.now())).to.include(field);
    expect(verifications).to.have.length(1);
    expect(verifications[0]).to.include({ valid: true });
    await popup.close();
  });

  for (const pixels of [2, 6]) {
    it(`reads a QR code the qrcode package drew as a PNG <img> at ${pixels} px per module, settings and all`, async () => {
      const popup = await popupOver(`/qrcode-${pixels}`);
      const key = expectKey(await readFromPage(popup));
      expect(key).to.deep.include({ issuer: BANK.issuer, accountName: BANK.accountName, digits: '8', period: '60', algorithm: 'SHA256', secret: BANK.secret, warning: true });
      expect(oathtoolCodes(BANK.secret, BANK, key.readAt)).to.include(key.code);
      expect(oathtoolCodes(BANK.secret, BANK, key.readAt + 60_000)).to.include(key.nextCode);
      expect(key.qrSvg).to.match(/^<svg/);
      await popup.close();
    });
  }

  it('lists two QR codes by issuer and account, and shows the one picked', async () => {
    const popup = await popupOver('/two');
    const shows = await readFromPage(popup);
    expect(shows).to.deep.equal({ kind: 'choices', message: await message(popup, 'readChoose', '2'), names: ['Bank of Tests — jo@example.com', 'Shop — ann'] });
    await popup.click('#choices li:nth-child(2) button');
    const key = expectKey(await popupShows(popup));
    expect(key).to.deep.include({ issuer: 'Shop', accountName: 'ann', digits: '6', period: '30', algorithm: 'SHA1' });
    expect(oathtoolCodes(new URL(SHOP_URI).searchParams.get('secret')!, {}, key.readAt)).to.include(key.code);
    await popup.close();
  });

  it('says what a link QR code holds, in at most 80 characters, and never opens it', async () => {
    const popup = await popupOver('/link');
    const targetsBefore = chromium.browser.targets().length;
    const shows = await readFromPage(popup);
    const preview = `${LONG_LINK.slice(0, 79)}…`;
    expect(shows).to.deep.equal({ kind: 'message', message: await message(popup, 'readForeignLink', preview), pasteOffered: false });
    expect([...preview]).to.have.length(80);
    expect(chromium.browser.targets().length).to.equal(targetsBefore);
    await popup.close();
    expect(seenRequests.map(({ url }) => url).filter((url) => url.startsWith('https://example.com'))).to.deep.equal([]);
  });

  const messages: [string, string, string, boolean][] = [
    ['no QR code', '/none', 'readNone', true],
    ['a QR code half below the fold', '/cut-off', 'readCutOff', false],
    ['an hotp QR code', '/hotp', 'readHotp', false],
  ];
  for (const [name, path, messageName, pasteOffered] of messages) {
    it(`says so, and shows nothing else, for a page with ${name}`, async () => {
      const popup = await popupOver(path);
      expect(await readFromPage(popup)).to.deep.equal({ kind: 'message', message: await message(popup, messageName), pasteOffered });
      expect(await popup.evaluate(() => ['settings', 'generator'].map((id) => document.getElementById(id)!.hidden))).to.deep.equal([true, true]);
      await popup.close();
    });
  }

  it('says the browser refuses to capture a page, and offers Paste, which then works', async () => {
    // Chromium 156 lets activeTab capture chrome:// and file:// pages; about:blank it refuses (as Chrome refuses the
    // Web Store, which a test without network cannot open).
    for (const url of ['about:blank']) {
      const popup = await popupOver(url);
      expect(await readFromPage(popup), url).to.deep.equal({ kind: 'message', message: await message(popup, 'readRefused'), pasteOffered: true });
      await popup.click('#paste-instead');
      expect(await popup.evaluate(() => (document.querySelector('#paste') as HTMLDetailsElement).open && document.activeElement?.getAttribute('name'))).to.equal('key');
      const key = expectKey(await paste(popup, SHOP_URI));
      expect(key).to.deep.include({ issuer: 'Shop', accountName: 'ann' });
      await popup.close();
    }
  });

  it('Paste: an otpauth link, a bare Base32 secret with the popup’s settings, and the refusals', async () => {
    const popup = await popupOver('/none');
    await popup.$eval('input[name="accountName"]', (input) => {
      (input as HTMLInputElement).value = 'dev@example.org';
    });
    await popup.select('select[name="digits"]', '8');
    const bare = expectKey(await paste(popup, 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp'));
    expect(bare).to.deep.include({ issuer: '127.0.0.1', accountName: 'dev@example.org', digits: '8', algorithm: 'SHA1', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(oathtoolCodes('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', { digits: 8 }, bare.readAt)).to.include(bare.code);
    // The field is emptied once its key is shown.
    expect(await popup.$eval('#paste-form input[name="key"]', (input) => (input as HTMLInputElement).value)).to.equal('');

    await popup.click('#back');
    expect(await paste(popup, HOTP_URI)).to.deep.include({ kind: 'message', message: await message(popup, 'readHotp') });
    expect(await paste(popup, 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D')).to.deep.include({ message: await message(popup, 'readMigration') });
    const sha = await paste(popup, 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-1');
    expect(sha).to.deep.include({ kind: 'message' });
    expect((sha as { message: string }).message).to.include('algorithm').and.include('SHA-1').and.include('SHA1, SHA256, SHA512');
    expect(await paste(popup, '')).to.deep.include({ message: await message(popup, 'pasteEmpty') });
    await popup.close();
  });

  it('fills a React-style controlled input that only takes values through its input event handler', async () => {
    const popup = await popupOver('/react-login');
    // Control: a value set the naive way, in the page's own world, is undone by the page (the check can fail).
    await chromium.tab.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#otp')!;
      input.value = '111111';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await chromium.tab.evaluate(() => (window as unknown as { appState: { code: string } }).appState.code)).to.equal('');

    const key = expectKey(await paste(popup, 'otpauth://totp/Login:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'));
    expect(await fill(popup)).to.equal(await message(popup, 'fillDoneFieldLabelled', 'Code from your app'));
    const state = await chromium.tab.evaluate(() => ({ ...(window as unknown as { appState: { code: string; changes: number } }).appState, shown: document.querySelector<HTMLInputElement>('#otp')!.value }));
    expect(oathtoolCodes('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', {}, Date.now())).to.include(state.code);
    // Typed as a person would: the control's leftover "111111" selected and deleted (one change), then one change a digit.
    expect(state).to.deep.include({ changes: 7, shown: state.code });
    expect(key.code).to.have.length(6);
    // The password field (neither focused, nor marked, nor numeric) is untouched.
    expect(await chromium.tab.$eval('input[name="password"]', (input) => (input as HTMLInputElement).value)).to.equal('hunter2');
    await popup.close();
  });

  it('Fill for the generated enrollment, once confirmed, types its code into the focused field', async () => {
    await chromium.tab.goto(`${site.origin}/none`);
    await chromium.tab.focus('input[name="name"]');
    const popup = await clickButton();
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    // The page does not show the popup's new key: Fill asks first.
    expect(await fill(popup)).to.equal(await message(popup, 'fillAskGenerated', `127.0.0.1: ${await popup.evaluate(() => document.querySelector('totp-generator')!.accountName)}`));
    expect(await chromium.tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value)).to.equal('');
    await popup.click('#fill-confirm');
    await popup.waitForFunction(() => document.querySelector('#fill-message')!.getAttribute('data-rule') === 'focused');
    expect(await popup.$eval('#fill-message', (status) => status.textContent)).to.equal(await message(popup, 'fillDoneFieldLabelled', 'Name'));
    const [filled, code] = [await chromium.tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value), await popup.evaluate(() => document.querySelector('totp-generator')!.currentCode)];
    expect(filled).to.equal(code);
    expect(filled).to.match(/^\d{6,8}$/);
    await popup.close();
  });

  it('Fill says so and changes nothing on a page without a fitting field, or with the focus in a cross-origin frame', async () => {
    let popup = await popupOver('/qrcode-6');
    expectKey(await readFromPage(popup));
    expect(await fill(popup)).to.equal(await message(popup, 'fillNoField'));
    await popup.close();

    await chromium.tab.goto(`${site.origin}/framed`);
    const frame = (await (await chromium.tab.waitForSelector('#frame'))!.contentFrame())!;
    await frame.waitForSelector('#frame-otp');
    await frame.focus('#frame-otp');
    popup = await clickButton();
    expectKey(await paste(popup, SHOP_URI));
    // Another port of 127.0.0.1: the same site, another origin.
    expect(await fill(popup)).to.equal(await message(popup, 'fillFrameSameSite', site.otherOrigin));
    expect(await frame.$eval('#frame-otp', (input) => (input as HTMLInputElement).value)).to.equal('');
    await popup.close();

    popup = await popupOver('chrome://version/');
    expectKey(await paste(popup, SHOP_URI));
    expect(await fill(popup)).to.equal(await message(popup, 'fillRefused'));
    await popup.close();
  });

  it('sent nothing anywhere, logged no error, and stored none of the keys read', async () => {
    expect(problems.length).to.be.greaterThan(8);
    expect(problems.flatMap((each) => each.requests)).to.deep.equal([]);
    expect(problems.flatMap((each) => each.errors)).to.deep.equal([]);
    expect(problems.flatMap((each) => each.cspIssues)).to.deep.equal([]);
    const ownFiles = `chrome-extension://${chromium.extension.id}/`;
    expect(seenRequests.filter(({ url }) => !url.startsWith(ownFiles) && !url.startsWith(site.origin) && !url.startsWith(site.otherOrigin) && !url.startsWith('chrome://') && !url.startsWith('file:'))).to.deep.equal([]);
    // What the extension's storage holds after all of it: the settings, and no key read or pasted.
    const popup = await clickButton();
    const stored = await popup.evaluate(async () => JSON.stringify({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null), localStorage: { ...localStorage } }));
    await popup.close();
    expect(secretsRead.length).to.be.greaterThan(5);
    for (const secret of secretsRead) expect(stored).not.to.include(secret.slice(0, 16));
  });
});
