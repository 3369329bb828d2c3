// The built extension in headless Chromium, its popup opened as the toolbar button opens it, over a real tab.
// Truth comes from elsewhere: jsQR reads the QR, the otpauth package computes the code, storage is dumped raw.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import type { Page } from 'puppeteer-core';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { readShown } from './popup-view.js';
import { launchWithExtension, openPopup, pageProblems, startSite, waitForEnrollment, watchRequests, type ExtensionBrowser, type PageProblems, type SeenRequest, type Site } from './chromium-extension.js';

/** Pages that belong to no site, so the popup must not suggest an issuer over them. */
const BROWSER_PAGES = [
  ['a chrome:// page', 'chrome://version/'],
  ['a new tab', 'chrome://new-tab-page/'],
  ['about:blank', 'about:blank'],
  ['a local file', pathToFileURL(resolve('package.json')).href],
] as const;

/** A page on the test site that the extension is never invoked on. */
const UNGRANTED_PAGE = '/login?never-clicked';

/** The code the otpauth package computes from the URI, at the time the popup's code was read or one step before
 *  (the element may not have ticked yet when the step changed a moment ago). */
function oracleCodes(uri: string, readAt: number): string[] {
  const totp = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
  return [totp.generate({ timestamp: readAt }), totp.generate({ timestamp: readAt - totp.period * 1000 })];
}

async function storageDump(popup: Page): Promise<string> {
  return popup.evaluate(async () =>
    JSON.stringify({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      indexedDB: await indexedDB.databases(),
      caches: await caches.keys(),
      cookies: document.cookie,
    }),
  );
}

describe('extension popup in Chromium (built dist/extension)', function () {
  let site: Site;
  let chromium: ExtensionBrowser;
  /** Everything every popup did wrong, checked at the end: requests, console errors, CSP issues. */
  const problems: PageProblems[] = [];
  const secretsSeen: string[] = [];
  /** Every request of every page in the browser, from the browser's side. */
  let seenRequests: SeenRequest[] = [];

  async function open(): Promise<Page> {
    const { popup, target } = await openPopup(chromium);
    await waitForEnrollment(popup);
    const close = popup.close.bind(popup);
    // Collect a popup's problems whenever it is closed, so no test can forget.
    popup.close = async (options) => {
      problems.push(await pageProblems(popup, target, chromium.extension.id));
      secretsSeen.push(await popup.evaluate(() => document.querySelector('totp-generator')!.secret));
      return close(options);
    };
    return popup;
  }

  before(async () => {
    site = await startSite();
    chromium = await launchWithExtension();
    seenRequests = await watchRequests(chromium.browser);
    await chromium.tab.goto(`${site.origin}/login`);
  });

  beforeEach(() => chromium.tab.goto(`${site.origin}/login`));

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('opens as the action popup and prefills the issuer with the hostname of the site in the active tab', async () => {
    const popup = await open();
    // The browser itself lists this page as the extension's popup, not as a tab.
    expect(await popup.evaluate(() => chrome.extension.getViews({ type: 'popup' }).includes(window))).to.equal(true);
    const shown = await readShown(popup);
    expect(shown.issuer).to.equal('127.0.0.1');
    expect(new URL(shown.uri).searchParams.get('issuer')).to.equal('127.0.0.1');
    await popup.close();
  });

  it('sees no tab’s URL without the click’s activeTab grant: no host or tabs permission behind the issuer', async () => {
    // A tab the extension was never invoked on (the main tab keeps the grants of the earlier clicks).
    const siteTab = await chromium.browser.newPage();
    await siteTab.goto(`${site.origin}${UNGRANTED_PAGE}`);
    // popup.html opened as an ordinary tab: no click on the button, so no grant. It is its own active tab, too.
    const page = await chromium.browser.newPage();
    await page.goto(`chrome-extension://${chromium.extension.id}/popup.html`);
    await waitForEnrollment(page);
    const seen = await page.evaluate(async () => ({
      issuer: (document.querySelector('input[name="issuer"]') as HTMLInputElement).value,
      urls: (await chrome.tabs.query({})).map((tab) => tab.url ?? null),
    }));
    await page.close();
    await siteTab.close();
    expect(seen.issuer).to.equal('');
    expect(seen.urls).to.include(null).and.not.include(`${site.origin}${UNGRANTED_PAGE}`);
  });

  for (const [name, url] of BROWSER_PAGES) {
    it(`leaves the issuer empty over ${name}`, async () => {
      await chromium.tab.goto(url);
      const popup = await open();
      const shown = await readShown(popup);
      expect(shown.issuer).to.equal('');
      expect(new URL(shown.uri).searchParams.has('issuer')).to.equal(false);
      await popup.close();
    });
  }

  it('shows a QR code that jsQR reads back as the URI, and the URI carries the shown secret', async () => {
    const popup = await open();
    const shown = await readShown(popup);
    expect(readQrFromPng(dataUriBytes(shown.qrPng))).to.equal(shown.uri);
    // The QR as painted on screen, not only the PNG property: a screenshot of the element's qr part.
    const qr = await popup.evaluateHandle(() => document.querySelector('totp-generator')!.shadowRoot!.querySelector('[part~="qr"]')!);
    const screenshot = await qr.screenshot({ type: 'png' });
    expect(readQrFromPng(new Uint8Array(screenshot))).to.equal(shown.uri);
    expect(new URL(shown.uri).searchParams.get('secret')).to.equal(shown.secret);
    await popup.close();
  });

  it('shows the code the otpauth package computes for that URI', async () => {
    const popup = await open();
    const shown = await readShown(popup);
    expect(shown.code).to.match(/^\d{6}$/);
    expect(oracleCodes(shown.uri, shown.readAt)).to.include(shown.code);
    await popup.close();
  });

  it('"New secret" replaces the secret, URI, QR and code', async () => {
    const popup = await open();
    const before = await readShown(popup);
    // The element's own "New secret" button, clicked with the mouse as a user would.
    const button = await popup.evaluateHandle(() =>
      [...document.querySelector('totp-generator')!.shadowRoot!.querySelectorAll('button')].find((each) => each.textContent?.trim() === 'New secret')!,
    );
    await button.click();
    await popup.waitForFunction((old) => document.querySelector('totp-generator')!.secret !== old, {}, before.secret);
    await waitForEnrollment(popup);
    const after = await readShown(popup);
    expect(after.secret).not.to.equal(before.secret);
    expect(readQrFromPng(dataUriBytes(after.qrPng))).to.equal(after.uri);
    expect(new URL(after.uri).searchParams.get('secret')).to.equal(after.secret);
    expect(oracleCodes(after.uri, after.readAt)).to.include(after.code);
    secretsSeen.push(before.secret);
    await popup.close();
  });

  it('copies the key, the link and the code with the element’s buttons, without any clipboard permission', async () => {
    // Only reading is granted, for the test to look; writing is what a click in the popup may do by itself.
    await chromium.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${chromium.extension.id}`, ['clipboard-read']);
    const popup = await open();
    const inShadow = (selector: string, label?: string) =>
      popup.evaluateHandle(
        (css, name) => [...document.querySelector('totp-generator')!.shadowRoot!.querySelectorAll(css)].find((each) => name === undefined || each.getAttribute('aria-label') === name)!,
        selector,
        label,
      );
    // The link sits in a collapsed <details>: open it as a user would.
    await (await inShadow('summary')).click();
    for (const [label, property] of [['Copy key', 'secret'], ['Copy link', 'uri'], ['Copy code', 'currentCode']] as const) {
      await (await inShadow('button', label)).click();
      await popup.waitForFunction(
        async (name) => (await navigator.clipboard.readText()) === document.querySelector('totp-generator')![name],
        { timeout: 5_000 },
        property,
      );
    }
    await popup.close();
  });

  it('remembers account name, digits, period and algorithm across reopening, but not the secret', async () => {
    const first = await open();
    const firstSecret = (await readShown(first)).secret;
    // As a user's edits arrive: the value changes, then an `input` event bubbles (select() does the same for menus).
    for (const [name, value] of [['accountName', 'alice@example.org'], ['period', '60']]) {
      await first.$eval(`input[name="${name}"]`, (input, text) => {
        (input as HTMLInputElement).value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    }
    await first.select('select[name="digits"]', '8');
    await first.select('select[name="algorithm"]', 'SHA256');
    await waitForEnrollment(first);
    await first.close();

    const second = await open();
    const form = await second.evaluate(() => Object.fromEntries(new FormData(document.querySelector<HTMLFormElement>('form#settings')!)));
    expect(form).to.deep.include({ accountName: 'alice@example.org', digits: '8', period: '60', algorithm: 'SHA256' });
    const shown = await readShown(second);
    const totp = OTPAuth.URI.parse(shown.uri) as OTPAuth.TOTP;
    expect({ label: totp.label, digits: totp.digits, period: totp.period, algorithm: totp.algorithm }).to.deep.equal({ label: 'alice@example.org', digits: 8, period: 60, algorithm: 'SHA256' });
    expect(shown.code).to.match(/^\d{8}$/);
    expect(oracleCodes(shown.uri, shown.readAt)).to.include(shown.code);
    expect(shown.secret).not.to.equal(firstSecret);
    await second.close();
  });

  it('never writes a secret anywhere: extension storage (local, session, sync), web storage, IndexedDB, caches, cookies', async () => {
    const popup = await open();
    const dump = await storageDump(popup);
    await popup.close();
    expect(secretsSeen).to.have.length.greaterThan(0);
    for (const secret of secretsSeen) {
      expect(secret).to.match(/^[A-Z2-7]{32,}$/);
      expect(dump).not.to.include(secret);
      // Not even a fragment of one (a 16-character piece would already be 80 bits of it).
      expect(dump).not.to.include(secret.slice(0, 16));
    }
    const stored = JSON.parse(dump);
    expect(Object.keys(stored.local)).to.deep.equal(['settings']);
    expect({ ...stored, local: {} }).to.deep.equal({ local: {}, session: {}, sync: {}, localStorage: {}, sessionStorage: {}, indexedDB: [], caches: [], cookies: '' });
  });

  it('made no network request, logged no error and broke no CSP rule in any popup', () => {
    expect(problems.length).to.be.greaterThan(4);
    expect(problems.flatMap((each) => each.requests)).to.deep.equal([]);
    expect(problems.flatMap((each) => each.errors)).to.deep.equal([]);
    expect(problems.flatMap((each) => each.cspIssues)).to.deep.equal([]);
    // Seen from the browser: the extension loaded only its own files; everything else was the tab's navigation.
    const ownFiles = `chrome-extension://${chromium.extension.id}/`;
    const tabPages = new Set([`${site.origin}/login`, `${site.origin}${UNGRANTED_PAGE}`, `${site.origin}/favicon.ico`, ...BROWSER_PAGES.map(([, url]) => url)]);
    expect(seenRequests.filter(({ url }) => !url.startsWith(ownFiles) && !tabPages.has(url))).to.deep.equal([]);
    expect(seenRequests.map(({ url }) => url)).to.include(`${ownFiles}popup.js`);
    expect(site.requests.filter((path) => !['/login', UNGRANTED_PAGE, '/favicon.ico'].includes(path))).to.deep.equal([]);
  });

  it('would notice requests, an inline script and an error (the checks above can fail)', async () => {
    const { popup, target } = await openPopup(chromium);
    await waitForEnrollment(popup);
    await popup.evaluate(async (origin) => {
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.body.append(script);
      await fetch(`${origin}/leak`).then((response) => response.text());
      await fetch('https://example.com/leak').catch(() => undefined);
    }, site.origin);
    // Resource Timing files an entry once the response has fully arrived.
    await popup.waitForFunction((url) => performance.getEntriesByName(url).length > 0, {}, `${site.origin}/leak`);
    const caught = await pageProblems(popup, target, chromium.extension.id);
    await popup.close();
    expect(caught.requests).to.include(`${site.origin}/leak`);
    expect(caught.cspIssues).to.have.length.greaterThan(0);
    expect(caught.errors.join('\n')).to.include('Content Security Policy');
    expect(site.requests).to.include('/leak');
    expect(seenRequests.map(({ url }) => url)).to.include.members([`${site.origin}/leak`, 'https://example.com/leak']);
  });
});

describe('extension popup in Chromium with a German UI (--lang=de)', function () {
  let site: Site;
  let chromium: ExtensionBrowser;

  before(async () => {
    site = await startSite();
    chromium = await launchWithExtension(undefined, ['--lang=de']);
    await chromium.tab.goto(`${site.origin}/login`);
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('shows the page and the element in German, values substituted by chrome.i18n', async () => {
    const { popup } = await openPopup(chromium);
    await waitForEnrollment(popup);
    const shown = await popup.evaluate(() => {
      const generator = document.querySelector('totp-generator')!;
      return {
        lang: document.documentElement.lang,
        title: document.title,
        label: document.querySelector('#settings label > span')!.textContent,
        element: generator.shadowRoot!.textContent!.replace(/\s+/g, ' '),
        announcement: generator.strings.codeAnnouncement!('1 2 3 4 5 6', 17),
      };
    });
    await popup.close();
    expect(shown.lang).to.equal('de');
    expect(shown.title).to.equal('Neuer TOTP-Schlüssel');
    expect(shown.label).to.equal('Aussteller');
    expect(shown.element).to.include('Aktueller Code').and.include('Neuer Schlüssel').and.not.include('Current code');
    expect(shown.announcement).to.equal('Aktueller Code: 1 2 3 4 5 6. Er wechselt in 17 Sekunden.');
  });
});
