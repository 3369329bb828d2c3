// Firefox: puppeteer (WebDriver BiDi) installs the built extension as a temporary add-on, but refuses to navigate a
// page to moz-extension://. So the test uses a copy of dist/extension with one addition — a background script that
// opens popup.html in a tab when installed — and finds that tab by asking each page where it is. The shipped
// extension has no background at all; this copy exists only in a temporary directory.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from '../support/browsers.mjs';
import { EXTENSION_DIR } from './chromium-extension.js';

const OPEN_POPUP_IN_A_TAB = `// Test-only: show the popup page in a tab, since the test cannot click the toolbar button.
browser.runtime.onInstalled.addListener(() => browser.tabs.create({ url: browser.runtime.getURL('popup.html') }));
`;

export interface FirefoxWithPopup {
  browser: Browser;
  popup: Page;
  close(): Promise<void>;
}

/**
 * `manifestAdditions` go into the test copy's manifest only: the Read test adds a host permission there, since
 * automation cannot click the toolbar button that would grant activeTab (see read.firefox.node.test.ts).
 */
export async function launchFirefoxWithPopupTab(manifestAdditions: Record<string, unknown> = {}): Promise<FirefoxWithPopup> {
  const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-firefox-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...manifestAdditions, background: { scripts: ['open-popup-in-tab.js'] } }));
  writeFileSync(join(dir, 'open-popup-in-tab.js'), OPEN_POPUP_IN_A_TAB);

  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(dir);
    const popup = await findPage(browser, (href) => href.startsWith('moz-extension://') && href.endsWith('/popup.html'));
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
  throw new Error('the popup tab never appeared');
}
