// Shared by the extension tests and the benchmark: headless Chromium with the BUILT extension installed (the Chrome
// build, dist/extension-chrome), a local site to stand in for "the page the user is on", and the real action popup
// opened as a click on the toolbar button would open it (CDP Extensions.triggerAction: it grants activeTab for that
// tab, just like a click).
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type CDPSession, type Extension, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browsers.mjs';

export const CHROME_EXTENSION_DIR = resolve('dist/extension-chrome');

/** A tiny site on 127.0.0.1; every request it receives is recorded, so a test can see the extension never calls it. */
export interface Site {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>Sign in</title><h1>Sign in to the test site</h1>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface SeenRequest {
  url: string;
  resourceType: string;
}

/**
 * Every request any page, frame or worker of the browser makes, from the moment this is called: the browser-level
 * DevTools Fetch domain pauses each one (we let it continue at once). Unlike a page's own Network events this needs no
 * page to be attached early, so the popup's very first requests are seen too. Requests the browser makes for itself
 * (update checks) do not pass here; they are not the extension's.
 */
export async function watchRequests(browser: Browser): Promise<SeenRequest[]> {
  const seen: SeenRequest[] = [];
  const session = await browser.target().createCDPSession();
  session.on('Fetch.requestPaused', ({ requestId, request, resourceType }) => {
    seen.push({ url: request.url, resourceType });
    session.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  return seen;
}

export interface ExtensionBrowser {
  browser: Browser;
  extension: Extension;
  /** The normal tab the popup is opened over. */
  tab: Page;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir = CHROME_EXTENSION_DIR, extraArgs: string[] = []): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  try {
    const id = await browser.installExtension(extensionDir);
    const extension = (await browser.extensions()).get(id);
    if (!extension) throw new Error(`extension ${id} installed but not listed`);
    const [tab = await browser.newPage()] = await browser.pages();
    return { browser, extension, tab, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Clicks the toolbar button for `tab` and returns the popup page once its script has run. The popup's target is
 * found by its URL; a page opened by the test itself would not be the action popup (and would be its own active tab).
 */
export async function openPopup({ browser, extension, tab }: ExtensionBrowser, popupPath = 'popup.html'): Promise<{ popup: Page; target: Target }> {
  const url = `chrome-extension://${extension.id}/${popupPath}`;
  const opened = browser.waitForTarget((target) => target.url() === url, { timeout: 10_000 });
  await tab.bringToFront();
  await extension.triggerAction(tab);
  const target = await opened;
  const popup = await target.asPage();
  return { popup, target };
}

/** Waits until the popup shows a code and a QR code, the moment a user can scan and type. */
export async function waitForEnrollment(popup: Page): Promise<void> {
  // No named inner functions: tsx would wrap them in a `__name` helper that does not exist in the page.
  await popup.waitForFunction(
    async () => {
      const generator = document.querySelector('totp-generator');
      if (!generator) return false;
      await generator.enrollmentComplete;
      const qr = generator.shadowRoot?.querySelector('[part~="qr"]');
      const code = generator.shadowRoot?.querySelector('[part~="code"]');
      if (!qr || !code || qr.getBoundingClientRect().width === 0 || code.getBoundingClientRect().width === 0) return false;
      return /^\d{6,8}$/.test(generator.currentCode ?? '') && (code.textContent ?? '').replace(/\D/g, '') === generator.currentCode;
    },
    { timeout: 20_000, polling: 'mutation' },
  );
}

/**
 * What the page did that it must not: requests to anything but its own extension files, console errors (CSP
 * violations and failed loads are logged as errors), and Chromium's CSP issues. Chromium replays logged entries and
 * issues to a new DevTools session, so this sees what happened before the test attached.
 */
export interface PageProblems {
  requests: string[];
  errors: string[];
  cspIssues: string[];
}

export async function pageProblems(popup: Page, target: Target, extensionId: string): Promise<PageProblems> {
  const ownFiles = `chrome-extension://${extensionId}/`;
  // Resource Timing lists every fetch, image, script, style and failed request of the page.
  const resources = await popup.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  const session: CDPSession = await target.createCDPSession();
  const errors: string[] = [];
  const cspIssues: string[] = [];
  session.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' || entry.source === 'security' || entry.source === 'network') errors.push(`${entry.source}: ${entry.text}`);
  });
  session.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') cspIssues.push(JSON.stringify(issue.details.contentSecurityPolicyIssueDetails));
  });
  await session.send('Log.enable');
  await session.send('Audits.enable');
  // Replayed entries arrive as events right after enable; a round trip and a short settle make sure they are all in.
  await session.send('Runtime.evaluate', { expression: '0' });
  await new Promise((resume) => setTimeout(resume, 100));
  await session.detach();
  return { requests: resources.filter((name) => !name.startsWith(ownFiles) && !name.startsWith('data:')), errors, cspIssues };
}

/**
 * The extension's service worker (background.js), found as the browser started it at install. While DevTools is
 * attached through the returned handle, Chromium does not stop it for being idle.
 */
export async function backgroundWorker({ browser, extension }: ExtensionBrowser): Promise<{ worker: WebWorker; target: Target }> {
  const url = `chrome-extension://${extension.id}/background.js`;
  const target = await browser.waitForTarget((each) => each.type() === 'service_worker' && each.url() === url, { timeout: 10_000 });
  const worker = await target.worker();
  if (!worker) throw new Error(`${url} is not a worker`);
  return { worker, target };
}

/**
 * Delivers the "read-page" command to the listeners the background registered, as Chromium does when the shortcut is
 * pressed. A key press itself cannot be automated here: DevTools input goes to a page's renderer, never to the
 * browser's shortcut handling (tried: puppeteer's Alt+Shift+R over a tab, with the shortcut bound). Unlike a key
 * press this grants no activeTab; a test that reads must have the grant from an earlier click on the button.
 */
export async function deliverReadPageCommand(worker: WebWorker): Promise<void> {
  // `dispatch` exists on Chromium's extension events, though not in @types/chrome.
  await worker.evaluate(() => (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('read-page'));
}
