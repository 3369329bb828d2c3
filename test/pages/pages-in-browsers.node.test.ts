// The shipped files in real browsers (Debian's Chromium and Firefox ESR, one launch each): the self-registering
// bundle in a host page under a strict CSP, the single-file offline page opened from disk, and the demo page's
// prefill. Needs `npm run build` first (npm test builds before the Node tests).
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { createServer as createViteServer } from 'vite';
import type { Browser, Page } from 'puppeteer-core';
import { BROWSER_BUNDLE_OPTIONS, BUNDLE_FILE, OFFLINE_FILE } from '../../scripts/build-bundles.mjs';
import { BROWSERS, INSECURE_HOST, STRICT_CSP, launch, otpauthCodes, readElement, serve, watch, type Monitor } from './browser-harness.js';

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/** A host page with nothing inline: the bundle from 'self' and the element in markup. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="/totp-generator.bundle.js"></script></head>
<body><totp-generator issuer="CSP Test" account-name="csp@example.com" digits="8" period="60" algorithm="SHA256"></totp-generator></body></html>`;

/** The demo page as `npm start` serves it, with its TypeScript bundled by esbuild instead of Vite (faster here). */
async function demoResources() {
  const script = await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, minify: false, entryPoints: ['src/pages/demo.ts'], write: false });
  const html = readFileSync('index.html', 'utf8');
  if (!html.includes('/src/pages/demo.ts')) throw new Error('index.html no longer loads /src/pages/demo.ts');
  return {
    '/': { body: html.replace('/src/pages/demo.ts', '/demo.js'), type: HTML, headers: { 'Content-Security-Policy': STRICT_CSP } },
    '/demo.js': { body: script.outputFiles![0]!.text, type: JS },
    '/src/pages/pages.css': { body: readFileSync('src/pages/pages.css'), type: 'text/css' },
  };
}

for (const name of BROWSERS) {
  describe(`pages in ${name}`, function () {
    // One browser and one page for all tests of this browser (launching is most of the time here); each test starts
    // with an empty request log and navigates afresh, which also starts a fresh violation log.
    let browser: Browser;
    let page: Page;
    let monitor: Monitor;

    before(async () => {
      if (!existsSync(BUNDLE_FILE) || !existsSync(OFFLINE_FILE)) throw new Error('run `npm run build` first: dist/ lacks the bundle or the offline page');
      browser = await launch(name);
      page = await browser.newPage();
      monitor = await watch(page);
    });
    after(async () => {
      await browser?.close();
    });
    beforeEach(() => {
      monitor.requests.length = 0;
    });

    it('the bundle in a host page with a strict CSP: no violation, no other request, QR reads as the URI, code matches otpauth', async () => {
      const server = await serve({
        '/': { body: HOST_PAGE, type: HTML, headers: { 'Content-Security-Policy': STRICT_CSP } },
        '/totp-generator.bundle.js': { body: readFileSync(BUNDLE_FILE), type: JS },
      });
      try {
        const { requests, violations } = monitor;
        await page.goto(`${server.origin}/`);
        const shown = await readElement(page);
        expect(shown.qrText).to.equal(shown.uri);
        expect(shown.uri).to.match(/^otpauth:\/\/totp\/CSP%20Test:csp%40example\.com\?secret=[A-Z2-7]+&issuer=CSP%20Test&digits=8&period=60&algorithm=SHA256$/);
        expect(shown.uri).to.include(`secret=${shown.secret}&`);
        expect(otpauthCodes(shown.qrText, shown.before, shown.after)).to.include(shown.code);
        expect(shown.code).to.have.length(8);
        expect(await violations()).to.deep.equal([]);
        expect(requests).to.deep.equal([`${server.origin}/`, `${server.origin}/totp-generator.bundle.js`]);
      } finally {
        await server.close();
      }
    });

    it('recovery codes under the strict CSP: shown after a code otpauth computes; Print builds its window without a violation', async () => {
      const server = await serve({
        '/': { body: HOST_PAGE.replace('<totp-generator ', '<totp-generator recovery-codes="3" '), type: HTML, headers: { 'Content-Security-Policy': STRICT_CSP } },
        '/totp-generator.bundle.js': { body: readFileSync(BUNDLE_FILE), type: JS },
      });
      try {
        const { violations } = monitor;
        await page.goto(`${server.origin}/`);
        const shown = await readElement(page);
        // The code for now, from otpauth in Node; the element checks a whole code by itself.
        await page.evaluate(async (code) => {
          const element = document.querySelector('totp-generator')!;
          const input = element.shadowRoot!.querySelector<HTMLInputElement>('[part~="verify"]')!;
          const checked = new Promise((resolve) => element.addEventListener('totp-verify', resolve, { once: true }));
          input.value = code;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          await checked;
          await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          // The real window Print opens, with only its print() replaced, and its own CSP violations recorded.
          const open = window.open.bind(window);
          const record = globalThis as unknown as { __printed?: string[]; __printViolations: string[]; __printClosed?: () => boolean };
          record.__printViolations = [];
          window.open = (...args: Parameters<typeof window.open>) => {
            const printout = open(...args);
            if (!printout) return printout;
            printout.document.addEventListener('securitypolicyviolation', (event) => void record.__printViolations.push(event.effectiveDirective));
            printout.print = () => void (record.__printed = [...printout.document.querySelectorAll('li')].map((item) => item.textContent!));
            record.__printClosed = () => printout.closed;
            return printout;
          };
        }, otpauthCodes(shown.uri, Date.now())[0]!);
        const print = await page.evaluateHandle(() =>
          [...document.querySelector('totp-generator')!.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Print')!,
        );
        // A real click: the browser's popup blocker wants a user's gesture.
        await print.click();
        const result = await page.evaluate(() => {
          const record = globalThis as unknown as { __printed?: string[]; __printViolations: string[]; __printClosed?: () => boolean };
          const shownCodes = [...document.querySelector('totp-generator')!.shadowRoot!.querySelectorAll('[part~="recovery-codes"] li')].map((item) => item.textContent!.trim());
          return { shownCodes, printed: record.__printed, printViolations: record.__printViolations, closed: record.__printClosed?.() };
        });
        expect(result.shownCodes).to.have.length(3);
        expect(result).to.deep.equal({ shownCodes: result.shownCodes, printed: result.shownCodes, printViolations: [], closed: true });
        expect(await violations()).to.deep.equal([]);
      } finally {
        await server.close();
      }
    });

    it('the offline page opened from disk: WebCrypto available, renders, QR and code correct, no request, no CSP violation', async () => {
      const url = pathToFileURL(resolve(OFFLINE_FILE)).href;
      const { requests, violations } = monitor;
      await page.goto(url);
      const shown = await readElement(page);
      expect(shown.qrText).to.equal(shown.uri);
      expect(shown.uri).to.match(/^otpauth:\/\/totp\/user%40example\.com\?secret=[A-Z2-7]{32}&digits=6&period=30&algorithm=SHA1$/);
      expect(otpauthCodes(shown.qrText, shown.before, shown.after)).to.include(shown.code);
      const state = await page.evaluate(() => ({
        secure: isSecureContext,
        subtle: typeof crypto.subtle?.sign === 'function',
        problemShown: !document.getElementById('webcrypto-problem')!.hidden,
      }));
      expect(state).to.deep.equal({ secure: true, subtle: true, problemShown: false });
      expect(await violations()).to.deep.equal([]);
      // Chromium reports the file: navigation itself; Firefox reports nothing for file:. Nothing else is allowed.
      expect(requests.filter((request) => request !== url)).to.deep.equal([]);
    });

    it('the offline page where WebCrypto is hidden (plain http from a non-local host) says so in words', async () => {
      const server = await serve({ '/': { body: readFileSync(OFFLINE_FILE), type: HTML } });
      try {
        await page.goto(server.origin.replace('127.0.0.1', INSECURE_HOST) + '/');
        await page.waitForFunction(() => customElements.get('totp-generator'));
        const state = await page.evaluate(() => {
          const notice = document.getElementById('webcrypto-problem')!;
          return { secure: isSecureContext, subtle: typeof crypto.subtle, shown: !notice.hidden, text: notice.textContent };
        });
        expect(state).to.include({ secure: false, subtle: 'undefined', shown: true });
        expect(state.text).to.match(/WebCrypto is not available here.*https:\/\//);
      } finally {
        await server.close();
      }
    });

    it('the demo page prefills from the hosted API query, drops the secret from the URL and never uses it', async () => {
      const server = await serve(await demoResources());
      const planted = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      try {
        const { violations } = monitor;
        await page.goto(`${server.origin}/?issuer=MyApp&account_name=user%40example.com&digits=8&period=60&algorithm=SHA256&secret=${planted}`);
        const shown = await readElement(page);
        const state = await page.evaluate(() => {
          const element = document.querySelector('totp-generator')!;
          return {
            search: location.search,
            noticeShown: !document.getElementById('secret-ignored')!.hidden,
            attributes: ['issuer', 'account-name', 'digits', 'period', 'algorithm'].map((attribute) => element.getAttribute(attribute)),
            snippet: document.getElementById('snippet')!.textContent,
          };
        });
        expect(state.search).to.not.match(/secret/i);
        expect(state.search).to.include('issuer=MyApp');
        expect(state.noticeShown).to.equal(true);
        expect(state.attributes).to.deep.equal(['MyApp', 'user@example.com', '8', '60', 'SHA256']);
        expect(shown.secret).to.not.equal(planted);
        expect(shown.qrText).to.equal(shown.uri);
        expect(shown.qrText).to.not.include(planted);
        expect(otpauthCodes(shown.qrText, shown.before, shown.after)).to.include(shown.code);
        expect(state.snippet).to.equal(
          '<script type="module" src="totp-generator.bundle.js"></script>\n' +
            '<totp-generator issuer="MyApp" account-name="user@example.com" digits="8" period="60" algorithm="SHA256"></totp-generator>',
        );
        expect(await violations()).to.deep.equal([]);
      } finally {
        await server.close();
      }
    });
    // Vite itself only in Chromium: it proves `npm start` serves a working page; the browser is the same.
    if (name === 'chromium') {
      it('the demo page on the Vite dev server (npm start): renders, requests nothing but the dev server, logs nothing', async () => {
        const vite = await createViteServer({ server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false }, logLevel: 'silent', clearScreen: false });
        // What a newcomer sees in the console after `npm start` (a missing favicon shows up as a 404 error here).
        const logged: string[] = [];
        // Debug-level lines (Vite's "connecting…") are hidden at a console's default level, so they do not count.
        page.on('console', (message) => void (message.type() !== 'debug' && logged.push(`${message.type()}: ${message.text()}`)));
        page.on('pageerror', (error) => void logged.push(`pageerror: ${error}`));
        try {
          await vite.listen();
          const origin = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
          const { requests, violations } = monitor;
          await page.goto(`${origin}/?issuer=Dev&account_name=dev%40example.com&secret=JBSWY3DPEHPK3PXP`);
          const shown = await readElement(page);
          expect(shown.qrText).to.equal(shown.uri);
          expect(shown.uri).to.match(/^otpauth:\/\/totp\/Dev:dev%40example\.com\?secret=[A-Z2-7]{32}&issuer=Dev&/);
          expect(otpauthCodes(shown.qrText, shown.before, shown.after)).to.include(shown.code);
          expect(await page.evaluate(() => location.search)).to.not.match(/secret/i);
          expect(await violations()).to.deep.equal([]);
          expect(requests.filter((request) => !request.startsWith(`${origin}/`))).to.deep.equal([]);
          // The favicon is requested after load; let it settle before reading the console.
          await page.waitForNetworkIdle({ idleTime: 200 });
          expect(logged).to.deep.equal([]);
        } finally {
          await vite.close();
        }
      });
    }
  });
}
