// Server rendering: @lit-labs/ssr renders <totp-generator> in Node to declarative shadow DOM showing the layout
// (headings, label, buttons, the QR frame) and no secret; Chromium shows that markup before any script, then the
// element hydrates it with no error and no layout shift (measured: the layout-shift entries of the page, and the
// boxes of the element, its QR frame and the text after it, before and after). The code shown afterwards is checked
// against the `otpauth` package.
import { expect } from 'chai';
import * as esbuild from 'esbuild';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'puppeteer-core';
import { launch, serve } from '../pages/browser-harness.js';
import { renderElement } from './render.js';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Boxes { host: DOMRect; qr: DOMRect; after: DOMRect; secretText: string; codeText: string }

describe('<totp-generator> rendered on the server, hydrated in Chromium', function () {
  this.timeout(120_000);
  let markup: string;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;
  const errors: string[] = [];

  before(async () => {
    markup = await renderElement('Acme', 'ada@example.com');
    const client = await esbuild.build({ entryPoints: [`${ROOT}test/ssr/hydrate-client.ts`], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', absWorkingDir: ROOT, logLevel: 'silent' });
    const server = await serve({
      '/': { type: 'text/html', body: `<!doctype html><html lang="en"><title>ssr</title><body style="margin:0;width:360px"><h1>Two-factor sign-in</h1><form>${markup}<p id="after">after</p></form></body></html>` },
      '/client.js': { type: 'text/javascript', body: client.outputFiles[0]!.text },
      '/favicon.ico': { type: 'image/x-icon', body: new Uint8Array() },
    });
    close = server.close;
    browser = await launch('chromium');
    page = await browser.newPage();
    await page.setViewport({ width: 360, height: 1400 });
    page.on('console', (message) => { if (['error', 'warn', 'warning'].includes(message.type())) errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${server.origin}/`);
  });

  after(async () => {
    await browser?.close();
    await close?.();
  });

  const boxes = () => page.evaluate((): Boxes => {
    const host = document.querySelector('totp-generator')!;
    const root = host.shadowRoot!;
    return {
      host: host.getBoundingClientRect().toJSON(),
      qr: root.querySelector('[part="qr"]')!.getBoundingClientRect().toJSON(),
      after: document.getElementById('after')!.getBoundingClientRect().toJSON(),
      secretText: root.querySelector('[part="secret"]')!.textContent!,
      codeText: root.querySelector('[part="code"]')!.textContent!,
      parts: [...root.querySelectorAll('fieldset > *, [part=secret], [part=code]')].map((node) => `${node.tagName}${node.getAttribute('part') ?? ''}:${node.getBoundingClientRect().height.toFixed(0)}`).join(' '),
    } as Boxes;
  });

  it('renders in Node the layout — headings, label, buttons, QR frame — and no secret, URI or code', () => {
    for (const text of ["Can&#39;t scan it? Enter this key instead:", 'Current code', 'Enter the code from your app', 'Download PNG', 'New secret', 'part="qr"', 'part="verify"', 'shadowrootmode="open"']) {
      expect(markup).to.contain(text);
    }
    expect(markup).to.not.contain('otpauth://totp');
    // Hidden stand-ins of a 20-byte secret's length, grouped in fours, and of a 6-digit code.
    expect(markup).to.match(/<code part="secret" class="blank">(<!--[^>]*-->)*(AAAA ){7}AAAA<!--/);
    expect(markup).to.match(/<span part="code" class="blank">(<!--[^>]*-->)*000 000<!--/);
    expect(markup.replace(/AAAA/g, '')).to.not.match(/[A-Z2-7]{4} [A-Z2-7]{4} [A-Z2-7]{4}/);
  });

  it('before any script, the browser shows that layout: the QR frame at its final size (a square as wide as the element allows)', async () => {
    const before = await boxes();
    expect(before.qr.width).to.be.greaterThan(200);
    expect(before.qr.height).to.be.closeTo(before.qr.width, 1);
  });

  it('hydrates: a secret and oathtool-equal code appear, with no layout shift and no error', async () => {
    const before = await boxes();
    await page.evaluate(() => {
      (window as unknown as { shifts: number[] }).shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shifts: number[] }).shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: false });
    });
    await page.addScriptTag({ url: '/client.js', type: 'module' });
    await page.waitForFunction(() => (document.querySelector('totp-generator') as HTMLElement & { secret: string }).secret !== '');
    await page.evaluate(() => (document.querySelector('totp-generator') as HTMLElement & { enrollmentComplete: Promise<boolean> }).enrollmentComplete);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const after = await boxes();
    const shown = await page.evaluate(() => {
      const el = document.querySelector('totp-generator') as HTMLElement & { secret: string };
      return { secret: el.secret, qrParts: el.shadowRoot!.querySelectorAll('[part="qr"]').length, fieldsets: el.shadowRoot!.querySelectorAll('fieldset').length, now: Date.now() };
    });
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    const total = shifts.reduce((sum, value) => sum + value, 0);
    console.log(`      layout shift on hydration: ${total.toFixed(4)} (${shifts.length} entries); element height ${before.host.height.toFixed(1)} -> ${after.host.height.toFixed(1)} px`);

    expect(shown.qrParts).to.equal(1);
    expect(shown.fieldsets).to.equal(1);
    expect(after.secretText.replace(/ /g, '')).to.equal(shown.secret);
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(shown.secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: shown.now });
    expect(after.codeText.replace(/ /g, '')).to.equal(code);
    expect(total).to.equal(0);
    for (const key of ['host', 'qr', 'after'] as const) {
      expect(after[key].top, `${key} top`).to.be.closeTo(before[key].top, 0.5);
      expect(after[key].height, `${key} height`).to.be.closeTo(before[key].height, 0.5);
    }
    expect(errors).to.deep.equal([]);
  });
});
