// The second shortcut ("read-page", Alt+Shift+R) in the built Chrome extension in headless Chromium: heard by the
// background service worker, it opens the closed popup, which reads the page; with the popup open, that popup reads.
// Truth from elsewhere: the secret our own <totp-generator> shows on the page, codes from oathtool.
//
// What is not automated: the key press itself. DevTools key events go to a page's renderer and never reach Chromium's
// shortcut handling (tried with the shortcut bound), so the test delivers the command to the listeners the service
// worker registered (deliverReadPageCommand). A key press would also grant activeTab for the tab; delivering the
// command does not, so each page here has first had one click on the toolbar button, whose grant lasts as long as
// the page does.
import { expect } from 'chai';
import type { CDPSession, WebWorker } from 'puppeteer-core';
import {
  backgroundWorker,
  deliverReadPageCommand,
  launchWithExtension,
  openPopup,
  pageProblems,
  waitForEnrollment,
  type ExtensionBrowser,
  type PageProblems,
} from './chromium-extension.js';
import { oathtoolCodes, popupShows, type PopupShows, type ReadKey } from './read-popup.js';
import { BANK, startSignUpSite, type SignUpSite } from './sign-up-pages.js';

function expectKey(shows: PopupShows): ReadKey {
  if (shows.kind !== 'key') throw new Error(`expected a key, the popup shows ${JSON.stringify(shows)}`);
  return shows.key;
}

describe('extension in Chromium: the read-page shortcut, heard by the background script', function () {
  let site: SignUpSite;
  let chromium: ExtensionBrowser;
  let worker: WebWorker;
  let workerSession: CDPSession;
  const workerErrors: string[] = [];
  const problems: PageProblems[] = [];
  let popupUrl: string;

  const popupsOpen = () => chromium.browser.targets().filter((target) => target.url() === popupUrl).length;
  const sessionStorage = () => worker.evaluate(() => chrome.storage.session.get(null));

  /** Shows `path` in the tab and clicks the toolbar button once (the activeTab grant), then closes that popup. */
  async function showWithGrant(path: string): Promise<void> {
    await chromium.tab.goto(`${site.origin}${path}`);
    const { popup, target } = await openPopup(chromium);
    await waitForEnrollment(popup);
    // A click alone opens the popup as always: no read.
    expect(await popup.evaluate(() => [document.querySelector<HTMLElement>('#read-result')!.hidden, document.querySelector<HTMLElement>('#message')!.hidden])).to.deep.equal([true, true]);
    problems.push(await pageProblems(popup, target, chromium.extension.id));
    await popup.close();
    await chromium.tab.bringToFront();
  }

  /** Waits until the request has left session storage (taken by the popup, or withdrawn by the background). */
  async function expectNoRequestLeft(): Promise<void> {
    for (let attempt = 0; attempt < 50 && Object.keys(await sessionStorage()).length > 0; attempt++) await new Promise((resume) => setTimeout(resume, 100));
    expect(await sessionStorage()).to.deep.equal({});
  }

  before(async () => {
    site = await startSignUpSite();
    chromium = await launchWithExtension();
    popupUrl = `chrome-extension://${chromium.extension.id}/popup.html`;
    await chromium.tab.setViewport({ width: 1280, height: 800 });
    const background = await backgroundWorker(chromium);
    worker = background.worker;
    // Everything the service worker throws or logs as an error; what happened before this attached is replayed.
    workerSession = await background.target.createCDPSession();
    workerSession.on('Runtime.exceptionThrown', ({ exceptionDetails }) => workerErrors.push(exceptionDetails.exception?.description ?? exceptionDetails.text));
    workerSession.on('Runtime.consoleAPICalled', ({ type, args }) => {
      if (type === 'error' || type === 'warning') workerErrors.push(args.map((arg) => String(arg.value ?? arg.description)).join(' '));
    });
    workerSession.on('Log.entryAdded', ({ entry }) => {
      if (entry.level === 'error') workerErrors.push(entry.text);
    });
    await workerSession.send('Runtime.enable');
    await workerSession.send('Log.enable');
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('with the popup closed, opens the popup, which reads the page: oathtool’s code for the secret our element shows', async () => {
    await showWithGrant('/generator');
    const shownSecret = await chromium.tab.evaluate(() => document.querySelector('totp-generator')!.secret);
    expect(shownSecret).to.match(/^[A-Z2-7]{32}$/);
    expect(popupsOpen()).to.equal(0);

    const opened = chromium.browser.waitForTarget((target) => target.url() === popupUrl, { timeout: 10_000 });
    await deliverReadPageCommand(worker);
    const target = await opened;
    const popup = await target.asPage();
    const key = expectKey(await popupShows(popup));
    expect(key).to.deep.include({ issuer: 'Example Shop', accountName: 'jane@example.com', digits: '6', period: '30', algorithm: 'SHA1', secret: shownSecret });
    expect(oathtoolCodes(shownSecret, {}, key.readAt)).to.include(key.code);
    expect(oathtoolCodes(shownSecret, {}, key.readAt + 30_000)).to.include(key.nextCode);
    // The request was taken: nothing of it, and nothing of the page, stays in storage.
    await expectNoRequestLeft();
    problems.push(await pageProblems(popup, target, chromium.extension.id));
    await popup.close();

    // The next click opens the popup as always, without reading.
    await showWithGrant('/generator');
  });

  it('with the popup open, that popup reads (the browser refuses to open a second), and no request is left behind', async () => {
    await showWithGrant('/qrcode-6');
    const { popup, target } = await openPopup(chromium);
    await waitForEnrollment(popup);
    await deliverReadPageCommand(worker);
    const key = expectKey(await popupShows(popup));
    expect(key).to.deep.include({ issuer: BANK.issuer, accountName: BANK.accountName, digits: '8', period: '60', algorithm: 'SHA256', secret: BANK.secret });
    expect(oathtoolCodes(BANK.secret, BANK, key.readAt)).to.include(key.code);
    expect(popupsOpen()).to.equal(1);
    await expectNoRequestLeft();
    problems.push(await pageProblems(popup, target, chromium.extension.id));
    await popup.close();
  });

  it('when the browser cannot open the popup (no active window: it is minimised), withdraws the request; the next click does not read', async () => {
    await showWithGrant('/qrcode-6');
    const session = await chromium.tab.createCDPSession();
    const { windowId } = await session.send('Browser.getWindowForTarget');
    await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
    try {
      // Seen from the worker: the request is made, then withdrawn once openPopup has failed. (The listener goes in
      // before the command: DevTools handles the two evaluations in order.)
      const changes = worker.evaluate(
        () =>
          new Promise<unknown[]>((resolve) => {
            const values: unknown[] = [];
            chrome.storage.session.onChanged.addListener((changed) => {
              for (const change of Object.values(changed)) values.push(change.newValue === undefined ? 'removed' : typeof change.newValue);
              if (values.length === 2) resolve(values);
            });
          }),
      );
      await deliverReadPageCommand(worker);
      const seen = await changes;
      expect(seen).to.deep.equal(['number', 'removed']);
      expect(popupsOpen()).to.equal(0);
    } finally {
      await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
      await session.detach();
    }
    expect(await sessionStorage()).to.deep.equal({});
    await showWithGrant('/qrcode-6');
  });

  it('logged no error in the service worker or the popups, and the popups sent nothing anywhere', async () => {
    expect(problems.length).to.be.greaterThan(3);
    expect(problems.flatMap((each) => [...each.requests, ...each.errors, ...each.cspIssues])).to.deep.equal([]);
    expect(workerErrors).to.deep.equal([]);
  });
});
