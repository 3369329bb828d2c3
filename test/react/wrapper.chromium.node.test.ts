// totp-enroll/react in a real React app (React 19, StrictMode) in headless Chromium: the element upgrades, props
// reach it as properties, and onEnroll / onVerify / onChange fire with the element's details. The correct code comes
// from the `otpauth` package, not from the element.
import { expect } from 'chai';
import * as esbuild from 'esbuild';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'puppeteer-core';
import { launch, serve } from '../pages/browser-harness.js';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Seen { enroll: string[]; verify: boolean[]; change: string[]; renders: number }

describe('totp-enroll/react in React 19 (Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;
  const errors: string[] = [];

  before(async () => {
    const built = await esbuild.build({
      entryPoints: [`${ROOT}test/react/wrapper-app.tsx`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"development"' },
      // totp-enroll/react resolves through package.json's exports to the built dist/react.js, as in an app.
      absWorkingDir: ROOT,
      logLevel: 'silent',
    });
    const server = await serve({
      '/': { type: 'text/html', body: '<!doctype html><html lang="en"><title>wrapper</title><div id="root"></div><script type="module" src="/app.js"></script>' },
      '/app.js': { type: 'text/javascript', body: built.outputFiles[0]!.text },
      '/favicon.ico': { type: 'image/x-icon', body: new Uint8Array() },
    });
    close = server.close;
    browser = await launch('chromium');
    page = await browser.newPage();
    page.on('console', (message) => { if (['error', 'warn', 'warning'].includes(message.type())) errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => (window as unknown as { seen: Seen }).seen?.enroll.length > 0);
  });

  after(async () => {
    await browser?.close();
    await close?.();
  });

  const seen = () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

  it('upgrades the element and sets props as properties (accountName, strings); onEnroll carries the secret shown', async () => {
    const shown = await page.evaluate(() => {
      const el = document.querySelector('totp-generator') as HTMLElement & { accountName: string; secret: string; uri: string };
      return { upgraded: !!el.shadowRoot, accountAttribute: el.getAttribute('account-name'), accountName: el.accountName, secret: el.secret, uri: el.uri, headings: [...el.shadowRoot!.querySelectorAll('h2')].map((h) => h.textContent) };
    });
    expect(shown.upgraded).to.equal(true);
    expect(shown.accountAttribute).to.equal(null);
    expect(shown.accountName).to.equal('ada@example.com');
    expect(shown.uri).to.contain('Wrapper:ada%40example.com');
    expect(shown.headings).to.include('Your code');
    expect((await seen()).enroll.at(-1)).to.equal(shown.secret);
  });

  it('typing the right code fires onVerify (valid) and onChange with the secret, which React state then holds', async () => {
    const secret = await page.evaluate(() => (document.querySelector('totp-generator') as HTMLElement & { secret: string }).secret);
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    const field = await page.$('totp-generator >>> [part="verify"]');
    await field!.type(code);
    await page.waitForFunction(() => document.getElementById('state')!.textContent === 'verified');
    const after = await seen();
    expect(after.verify).to.deep.equal([true]);
    expect(after.change).to.deep.equal([secret]);
  });

  it('logged no error or warning (React included)', () => {
    expect(errors).to.deep.equal([]);
  });
});
