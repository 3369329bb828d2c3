// Read, Paste and Fill in Firefox, as far as automation reaches. The popup page is opened in a tab by the test-only
// background script of firefox-extension.ts, because WebDriver BiDi cannot click the toolbar button; so no click
// grants activeTab here.
// - With the shipped manifest: Read is refused (no grant), says so and offers Paste; Paste and the parsing behind it
//   work in the real popup page.
// - With a test copy that adds the host permission `<all_urls>` (standing in for the grant a click gives): Read
//   captures the active tab, decodes and parses, and Fill reaches the page — the same code paths as after a click.
// What stays unautomated in Firefox: the toolbar click itself, and whether its activeTab grant alone lets
// captureVisibleTab and executeScript through (Mozilla bug 1784920 made that so in Firefox 126).
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { fill, message, oathtoolCodes, paste, popupShows, type PopupShows, type ReadKey } from './read-popup.js';
import { BANK, SHOP_URI, startSignUpSite, type SignUpSite } from './sign-up-pages.js';

function expectKey(shows: PopupShows): ReadKey {
  if (shows.kind !== 'key') throw new Error(`expected a key, the popup shows ${JSON.stringify(shows)}`);
  return shows.key;
}

/** "Read from this page" in a popup tab that is not the active tab: a click through the page, as focus is elsewhere. */
async function readInBackground(popup: Page): Promise<PopupShows> {
  await popup.evaluate(() => document.querySelector<HTMLButtonElement>('#read')!.click());
  return popupShows(popup);
}

describe('extension popup in Firefox: Read refused without a click, Paste', function () {
  let firefox: FirefoxWithPopup;

  before(async () => {
    firefox = await launchFirefoxWithPopupTab();
    await firefox.popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode, { timeout: 20_000 });
  });

  after(async () => {
    await firefox?.close();
  });

  it('says the page cannot be read without the grant, offers Paste, and shows a pasted key with oathtool’s code', async () => {
    const { popup } = firefox;
    expect(await readInBackground(popup)).to.deep.equal({ kind: 'message', message: await message(popup, 'readRefused'), pasteOffered: true });
    const key = expectKey(await paste(popup, SHOP_URI));
    expect(key).to.deep.include({ issuer: 'Shop', accountName: 'ann', digits: '6', period: '30', algorithm: 'SHA1', warning: false });
    expect(oathtoolCodes('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', {}, key.readAt)).to.include(key.code);
    expect(oathtoolCodes('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', {}, key.readAt + 30_000)).to.include(key.nextCode);
  });

  it('refuses what apps write that we do not, with the field and what is accepted', async () => {
    const { popup } = firefox;
    expect(await paste(popup, 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP&counter=1')).to.deep.include({ message: await message(popup, 'readHotp') });
    const lowerCase = await paste(popup, 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=sha256');
    expect((lowerCase as { message: string }).message).to.include('algorithm').and.include('"sha256"').and.include('SHA1, SHA256, SHA512');
    const bare = expectKey(await paste(popup, BANK.secret.toLowerCase()));
    // The popup page is its own active tab here (moz-extension:), so the settings' issuer is empty.
    expect(bare).to.deep.include({ secret: BANK.secret, issuer: await message(popup, 'viewNoIssuer'), digits: '6', algorithm: 'SHA1' });
  });
});

describe('extension popup in Firefox: Read and Fill (test copy with a host permission in place of the click’s grant)', function () {
  let site: SignUpSite;
  let firefox: FirefoxWithPopup;
  let tab: Page;

  before(async () => {
    site = await startSignUpSite();
    firefox = await launchFirefoxWithPopupTab({ host_permissions: ['<all_urls>'] });
    await firefox.popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode, { timeout: 20_000 });
    tab = await firefox.browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
  });

  after(async () => {
    await firefox?.close();
    await site?.close();
  });

  /** Shows `path` in the active tab; the popup tab stays open behind it. */
  async function show(path: string): Promise<void> {
    await tab.goto(`${site.origin}${path}`);
    await tab.bringToFront();
    await firefox.popup.evaluate(() => document.querySelector<HTMLButtonElement>('#back')?.click());
  }

  it('reads a QR code the qrcode package drew at 2 px per module, with oathtool’s code', async () => {
    await show('/qrcode-2');
    const key = expectKey(await readInBackground(firefox.popup));
    expect(key).to.deep.include({ issuer: BANK.issuer, accountName: BANK.accountName, digits: '8', period: '60', algorithm: 'SHA256', secret: BANK.secret, warning: true });
    expect(oathtoolCodes(BANK.secret, BANK, key.readAt)).to.include(key.code);
  });

  it('reads our own <totp-generator> and fills its code in: the element reports it valid', async () => {
    await show('/generator');
    await tab.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    const secret = await tab.evaluate(() => document.querySelector('totp-generator')!.secret);
    const key = expectKey(await readInBackground(firefox.popup));
    expect(key).to.deep.include({ issuer: 'Example Shop', accountName: 'jane@example.com', secret });
    expect(oathtoolCodes(secret, {}, key.readAt)).to.include(key.code);
    await fill(firefox.popup);
    expect(await firefox.popup.$eval('#fill-message', (status) => [(status as HTMLElement).dataset.rule, (status as HTMLElement).dataset.reason])).to.deep.equal(['one-time-code', '']);
    const verifications = await tab.waitForFunction(() => {
      const seen = (window as unknown as { verifications: { valid: boolean }[] }).verifications;
      return seen.length > 0 && seen;
    });
    const seen = (await verifications.jsonValue()) as { valid: boolean }[];
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include({ valid: true });
  });

  it('lists two QR codes, and fills a React-style controlled input', async () => {
    await show('/two');
    const shows = await readInBackground(firefox.popup);
    expect(shows).to.deep.include({ kind: 'choices', names: ['Bank of Tests — jo@example.com', 'Shop — ann'] });
    await firefox.popup.evaluate(() => document.querySelector<HTMLButtonElement>('#choices li:nth-child(2) button')!.click());
    const key = expectKey(await popupShows(firefox.popup));
    await show('/react-login');
    // "Back" was pressed by show(): the generator's code is on show now; Fill asks first, then fills that one.
    const secret = await firefox.popup.evaluate(() => document.querySelector('totp-generator')!.secret);
    // The popup page is its own active tab here, so the key has no issuer: only its account is named.
    const account = await firefox.popup.evaluate(() => document.querySelector('totp-generator')!.accountName);
    expect(await fill(firefox.popup)).to.equal(await message(firefox.popup, 'fillAskGenerated', account));
    await firefox.popup.evaluate(() => document.querySelector<HTMLButtonElement>('#fill-confirm')!.click());
    await firefox.popup.waitForFunction(() => document.querySelector('#fill-message')!.getAttribute('data-rule') === 'named');
    const filled = await tab.evaluate(() => (window as unknown as { appState: { code: string } }).appState.code);
    expect(oathtoolCodes(secret, {}, Date.now())).to.include(filled);
    expect(key.accountName).to.equal('ann');
  });
});
