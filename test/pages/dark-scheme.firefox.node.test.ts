// prefers-color-scheme in Firefox. The in-browser element tests emulate the media query through the DevTools
// protocol, which the runner has only for Chromium; here Firefox itself is started with a dark content colour scheme
// (its own preference, as a user's system setting would set it) and the self-registering bundle must follow it.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BUNDLE_FILE } from '../../scripts/build-bundles.mjs';
import { FIREFOX_PATH } from '../support/browsers.mjs';
import { serve } from './browser-harness.js';

/** Firefox's layout.css.prefers-color-scheme.content-override: 0 dark, 1 light. */
const SCHEMES = { dark: 0, light: 1 } as const;

async function backgroundIn(scheme: keyof typeof SCHEMES, origin: string): Promise<{ matchesDark: boolean; background: string }> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'layout.css.prefers-color-scheme.content-override': SCHEMES[scheme] },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    return await page.evaluate(async () => {
      await customElements.whenDefined('totp-generator');
      const element = document.querySelector('totp-generator') as HTMLElement & { enrollmentComplete: Promise<boolean> };
      await element.enrollmentComplete;
      return { matchesDark: matchMedia('(prefers-color-scheme: dark)').matches, background: getComputedStyle(element).backgroundColor };
    });
  } finally {
    await browser.close();
  }
}

describe('prefers-color-scheme in Firefox (bundle, dark and light content colour scheme)', function () {
  this.timeout(60_000);
  let server: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    server = await serve({
      '/': {
        body: '<!doctype html><meta charset="utf-8"><title>scheme</title><script type="module" src="/bundle.js"></script><totp-generator account-name="a"></totp-generator>',
        type: 'text/html; charset=utf-8',
      },
      '/bundle.js': { body: readFileSync(BUNDLE_FILE), type: 'text/javascript; charset=utf-8' },
    });
  });
  after(() => server.close());

  it('is dark when Firefox prefers dark', async () => {
    expect(await backgroundIn('dark', server.origin)).to.deep.equal({ matchesDark: true, background: 'rgb(27, 27, 31)' });
  });

  it('is light when Firefox prefers light', async () => {
    expect(await backgroundIn('light', server.origin)).to.deep.equal({ matchesDark: false, background: 'rgb(255, 255, 255)' });
  });
});
