// `npm run bench` → the saved-accounts store (issue 18), in headless Chromium:
// 1. Unlock: key derivation (PBKDF2-SHA-256, 600,000 iterations) + opening 50 saved accounts, beside a bare PBKDF2
//    of the same cost (WebCrypto deriveBits) measured in alternation in the same page. Goal: unlock ≤ 500 ms.
// 2. The fill-code shortcut in the built extension: from the command reaching the background (delivered as
//    chrome.commands.onCommand.dispatch, since a key press cannot be automated; see shortcut.chromium.node.test.ts)
//    until the page's field receives the code (its `input` event), beside a bare executeScript fill of a fixed code
//    from the same worker. Both on Date.now() in worker and page (one machine, one clock). Goal: ≤ 150 ms.
//    Presses are timed only with more than 4 s left in the code's step (under 3 s the shortcut waits on purpose).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { backgroundWorker, launchWithExtension, openPopup } from '../test/extension/chromium-extension.js';
import { installStore, MemoryStorage } from '../test/extension/vault/memory-storage.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browsers.mjs';
import { Vault } from '../src/extension/vault/vault.js';
import { median } from './median.js';

const UNLOCKS = 7;
const FILLS = 15;
const ACCOUNTS = 50;

async function benchUnlock(): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: `export { Vault } from './src/extension/vault/vault.ts'; export { MemoryStorage } from './test/extension/vault/memory-storage.ts';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'VaultBench',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;
  // Served from 127.0.0.1: a secure context, as the extension's pages are, so WebCrypto is there.
  const server = createServer((request, response) => {
    response.setHeader('content-type', request.url === '/vault.js' ? 'text/javascript' : 'text/html');
    response.end(request.url === '/vault.js' ? script : '<!doctype html><script src="/vault.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, pipe: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // tsx names inner functions through a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const result = await page.evaluate(
      async (accounts, rounds) => {
        const { Vault: VaultClass, MemoryStorage: Memory } = (globalThis as unknown as { VaultBench: { Vault: typeof Vault; MemoryStorage: typeof MemoryStorage } }).VaultBench;
        const vault = new VaultClass({ local: new Memory(), session: new Memory() });
        await vault.create('benchmark passphrase', 'benchmark passphrase');
        const secret = (index: number) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.slice(index % 16, (index % 16) + 16) + 'QRSTUVWXYZ234567';
        await vault.addMany(Array.from({ length: accounts }, (_, index) => ({ issuer: `Site ${index}`, accountName: `user${index}@example.com`, secret: secret(index) + index.toString(2).padStart(8, '0').replace(/0/g, 'A').replace(/1/g, 'B'), site: `http://localhost:${3000 + index}` })));
        await vault.lock();
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const unlocks: number[] = [];
        const bare: number[] = [];
        for (let round = 0; round < rounds + 1; round++) {
          let start = performance.now();
          await vault.unlock('benchmark passphrase');
          const opened = await vault.list();
          if (opened.filter((entry) => entry.kind === 'account').length !== accounts) throw new Error('not all accounts opened');
          const unlockMs = performance.now() - start;
          await vault.lock();
          start = performance.now();
          const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('benchmark passphrase'), 'PBKDF2', false, ['deriveBits']);
          await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, material, 256);
          const bareMs = performance.now() - start;
          if (round > 0) {
            unlocks.push(unlockMs);
            bare.push(bareMs);
          }
        }
        return { unlocks, bare };
      },
      ACCOUNTS,
      UNLOCKS,
    );
    const [unlock, bare] = [median(result.unlocks), median(result.bare)];
    console.log(`unlock (PBKDF2 600,000 + ${ACCOUNTS} accounts opened), headless Chromium, median of ${UNLOCKS} after 1 warm-up:`);
    console.log(`  unlock ${unlock.toFixed(0)} ms, bare PBKDF2-SHA-256 600,000 ${bare.toFixed(0)} ms (${(unlock / bare).toFixed(2)}×; ${(unlock - bare).toFixed(0)} ms beyond the derivation); goal ≤ 500 ms: ${unlock <= 500 ? 'met' : 'MISSED'}`);
    console.log(`  all unlocks: ${result.unlocks.map((ms) => ms.toFixed(0)).join(', ')} ms; all bare: ${result.bare.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}

async function benchFill(): Promise<void> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>Sign in</title><input id="code" autocomplete="one-time-code" inputmode="numeric">');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const vault = new Vault({ local, session });
  await vault.create('benchmark passphrase', 'benchmark passphrase');
  await vault.add({ issuer: 'Bench', accountName: 'dev', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', site: origin });
  const chromium = await launchWithExtension();
  try {
    const { worker } = await backgroundWorker(chromium);
    await worker.evaluate('globalThis.__name = (f) => f');
    await installStore(worker, local, session, true);
    await chromium.tab.goto(`${origin}/login`);
    const { popup } = await openPopup(chromium); // the activeTab grant a key press would give
    await popup.close();
    await chromium.tab.bringToFront();
    const armPage = () =>
      chromium.tab.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#code')!;
        input.value = '';
        (window as unknown as { filledAt?: number }).filledAt = undefined;
        input.addEventListener('input', () => ((window as unknown as { filledAt?: number }).filledAt = Date.now()), { once: true });
      });
    const filledAt = async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const at = await chromium.tab.evaluate(() => (window as unknown as { filledAt?: number }).filledAt);
        if (at !== undefined) return at;
        await new Promise((resume) => setTimeout(resume, 20));
      }
      throw new Error('the field was not filled within 4 s');
    };
    const shortcut: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < FILLS + 2; round++) {
      // Out of the last 4 s of a 30 s step, so the shortcut's deliberate wait for the next code is not timed.
      while (30_000 - (Date.now() % 30_000) < 4_500) await new Promise((resume) => setTimeout(resume, 250));
      await armPage();
      const pressed = await worker.evaluate(() => {
        const at = Date.now();
        (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('fill-code');
        return at;
      });
      const shortcutMs = (await filledAt()) - pressed;
      await armPage();
      const started = await worker.evaluate(async () => {
        const at = Date.now();
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        void chrome.scripting.executeScript({
          target: { tabId: tab!.id! },
          func: (code: string) => {
            const input = document.querySelector<HTMLInputElement>('#code')!;
            input.value = code;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          },
          args: ['123456'],
        });
        return at;
      });
      const bareMs = (await filledAt()) - started;
      if (round >= 2) {
        shortcut.push(shortcutMs);
        bare.push(bareMs);
      }
      await new Promise((resume) => setTimeout(resume, 4_200)); // the badge's 4 s, so each press starts alike
    }
    const [fill, baseline] = [median(shortcut), median(bare)];
    console.log(`fill-code shortcut (command → code in the page's field), built extension, median of ${FILLS} after 2 warm-ups:`);
    console.log(`  shortcut ${fill.toFixed(0)} ms, bare executeScript fill ${baseline.toFixed(0)} ms (${(fill - baseline).toFixed(0)} ms for tab lookup, store state, decrypting this site's accounts and the code); goal ≤ 150 ms: ${fill <= 150 ? 'met' : 'MISSED'}`);
    console.log(`  all shortcut: ${shortcut.join(', ')} ms; all bare: ${bare.join(', ')} ms`);
  } finally {
    await chromium.close();
    server.close();
  }
}

console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
await benchUnlock();
await benchFill();
