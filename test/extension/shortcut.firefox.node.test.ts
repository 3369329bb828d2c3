// The second shortcut ("read-page") in the built Firefox extension, as far as automation reaches. The shipped
// background script loads beside the test-only ones of firefox-extension.ts and registers one command listener,
// without an error. Delivered the command, it opens the real popup (the toolbar panel, reached from an extension page
// through extension.getViews), which reads the active tab: oathtool's code for the secret our element shows.
//
// What is not automated: the key press (WebDriver BiDi key input goes to the page and never reaches Firefox's
// shortcuts — tried with the shortcut bound), so the test calls the listener the background registered; and the
// activeTab grant a key press gives, so this test copy has the host permission `<all_urls>` in its place, as in
// read.firefox.node.test.ts.
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { HARNESS_PAGE, launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { oathtoolCodes } from './read-popup.js';
import { BANK, startSignUpSite, type SignUpSite } from './sign-up-pages.js';

/** What firefox-extension.ts's test-only script records in the background page. */
interface RecordedBackground extends Window {
  commandListeners: ((command: string) => void)[];
  backgroundErrors: string[];
}

describe('extension in Firefox: the read-page shortcut, heard by the background script', function () {
  let site: SignUpSite;
  let firefox: FirefoxWithPopup;
  /** An extension page in a tab (not the popup): from there the test reaches the background and the popup panel. */
  let harness: Page;
  let tab: Page;

  before(async () => {
    site = await startSignUpSite();
    firefox = await launchFirefoxWithPopupTab({ host_permissions: ['<all_urls>'] }, HARNESS_PAGE);
    harness = firefox.popup;
    tab = await firefox.browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
  });

  after(async () => {
    await firefox?.close();
    await site?.close();
  });

  const background = () =>
    harness.evaluate(async () => {
      const page = (await chrome.runtime.getBackgroundPage()) as RecordedBackground;
      return { listeners: page.commandListeners.length, errors: [...page.backgroundErrors] };
    });

  /** Calls the command listener the shipped background script registered, as Firefox does at the key press. */
  const deliverCommand = () =>
    harness.evaluate(async () => {
      const page = (await chrome.runtime.getBackgroundPage()) as RecordedBackground;
      for (const listener of page.commandListeners) listener('read-page');
    });

  /** The secret of the key the popup showed last: a new read shows another. */
  let lastSecret = '';

  /** Waits until the popup panel shows a newly read key with its code, and returns what it shows. */
  async function popupKey(): Promise<{ issuer: string; code: string; secret: string; readAt: number }> {
    // The panel's page, as its own script left it: the <read-enrollment> view with a code. No named inner functions
    // (tsx would wrap them in a helper the page lacks).
    const shown = await harness.waitForFunction(
      (previousSecret) => {
        const [popup] = chrome.extension.getViews({ type: 'popup' });
        const view = popup?.document.querySelector('read-enrollment');
        const code = view?.shadowRoot?.querySelector('[part~="code"]')?.textContent?.replace(/\D/g, '') ?? '';
        if (!view || view.hidden || !/^\d{6,8}$/.test(code) || code !== view.currentCode || view.enrollment?.secret.base32 === previousSecret) return false;
        const issuer = view.shadowRoot!.querySelector('[part~="issuer"]')?.textContent?.trim();
        return { issuer, code, secret: view.enrollment?.secret.base32, readAt: Date.now() };
      },
      { timeout: 20_000, polling: 100 },
      lastSecret,
    );
    const key = (await shown.jsonValue()) as { issuer: string; code: string; secret: string; readAt: number };
    lastSecret = key.secret;
    return key;
  }

  it('loads the background script, which registers one command listener and throws nothing', async () => {
    expect(await background()).to.deep.equal({ listeners: 1, errors: [] });
  });

  it('with the popup closed, opens the popup, which reads the page: oathtool’s code for the secret our element shows', async () => {
    await tab.goto(`${site.origin}/generator`);
    await tab.bringToFront();
    await tab.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    const shownSecret = await tab.evaluate(() => document.querySelector('totp-generator')!.secret);
    expect(await harness.evaluate(() => chrome.extension.getViews({ type: 'popup' }).length)).to.equal(0);

    await deliverCommand();
    const key = await popupKey();
    expect(key).to.deep.include({ issuer: 'Example Shop', secret: shownSecret });
    expect(oathtoolCodes(shownSecret, {}, key.readAt)).to.include(key.code);
    // The popup took the request: session storage is empty again.
    expect(await harness.evaluate(() => chrome.storage.session.get(null))).to.deep.equal({});
    expect((await background()).errors).to.deep.equal([]);
  });

  it('with the popup open, that popup reads (Firefox refuses to open a second panel), and no request is left behind', async () => {
    expect(await harness.evaluate(() => chrome.extension.getViews({ type: 'popup' }).length)).to.equal(1);
    await tab.goto(`${site.origin}/qrcode-2`);
    await deliverCommand();
    const key = await popupKey();
    expect(key).to.deep.include({ issuer: BANK.issuer, secret: BANK.secret });
    expect(oathtoolCodes(BANK.secret, BANK, key.readAt)).to.include(key.code);
    expect(await harness.evaluate(() => chrome.extension.getViews({ type: 'popup' }).length)).to.equal(1);
    await harness.waitForFunction(async () => Object.keys(await chrome.storage.session.get(null)).length === 0, { timeout: 5_000, polling: 100 });
    expect((await background()).errors).to.deep.equal([]);
  });
});
