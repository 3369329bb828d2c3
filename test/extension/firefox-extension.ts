// Firefox: puppeteer (WebDriver BiDi) installs the built extension (dist/extension-firefox) as a temporary add-on,
// but refuses to navigate a page to moz-extension://. So the tests use a copy of it with two test-only background
// scripts around the shipped background.js: one before it that records the command listeners it registers and any
// error it throws (so a test can deliver the "read-page" command, which no automated key press reaches), one after it
// that opens an extension page in a tab when installed — popup.html, or an empty page from which a test reaches the
// background and the real popup panel. The test finds that tab by asking each page where it is. This copy exists
// only in a temporary directory.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from '../support/browsers.mjs';

export const FIREFOX_EXTENSION_DIR = resolve('dist/extension-firefox');

/** The test-only page a test can open in a tab instead of the popup: nothing but the extension's origin. */
export const HARNESS_PAGE = 'test-harness.html';

const RECORD_BACKGROUND = `// Test-only: what the shipped background script registers for commands, and what it throws.
globalThis.commandListeners = [];
globalThis.backgroundErrors = [];
addEventListener('error', (event) => backgroundErrors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => backgroundErrors.push(String(event.reason)));
for (const event of new Set([chrome.commands.onCommand, browser.commands.onCommand])) {
  const add = event.addListener.bind(event);
  event.addListener = (listener) => {
    commandListeners.push(listener);
    add(listener);
  };
}
`;

const openInTab = (page: string) => `// Test-only: show ${page} in a tab, since the test cannot click the toolbar button.
browser.runtime.onInstalled.addListener(() => browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(page)}) }));
`;

export interface FirefoxWithPopup {
  browser: Browser;
  /** The extension page opened in a tab: popup.html, or the harness page. */
  popup: Page;
  close(): Promise<void>;
}

/**
 * `manifestAdditions` go into the test copy's manifest only: the Read tests add a host permission there, since
 * automation cannot click the toolbar button or press the shortcut that would grant activeTab (see
 * read.firefox.node.test.ts). `tabPage` is the page opened in a tab: the popup, or {@link HARNESS_PAGE}.
 */
export async function launchFirefoxWithPopupTab(manifestAdditions: Record<string, unknown> = {}, tabPage = 'popup.html'): Promise<FirefoxWithPopup> {
  const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-firefox-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const background = { scripts: ['test-record-background.js', ...manifest.background.scripts, 'test-open-tab.js'] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...manifestAdditions, background }));
  writeFileSync(join(dir, 'test-record-background.js'), RECORD_BACKGROUND);
  writeFileSync(join(dir, 'test-open-tab.js'), openInTab(tabPage));
  writeFileSync(join(dir, HARNESS_PAGE), '<!doctype html><meta charset="utf-8"><title>test harness</title>\n');

  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(dir);
    const popup = await findPage(browser, (href) => href.startsWith('moz-extension://') && href.endsWith(`/${tabPage}`));
    return { browser, popup, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The page whose own `location.href` matches: puppeteer's `page.url()` is not reliable for tabs it did not open. */
async function findPage(browser: Browser, matches: (href: string) => boolean): Promise<Page> {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (matches(href)) return page;
    }
    await new Promise((resume) => setTimeout(resume, 100));
  }
  throw new Error('the extension page never appeared');
}
