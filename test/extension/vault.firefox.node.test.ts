// Saved test accounts in the built Firefox extension, as far as automation reaches: a store made by the Vault in Node
// is put into the extension's storage and opened by the shipped background script with Firefox's WebCrypto; the
// fill-code command (its recorded listener called, as for read-page in shortcut.firefox.node.test.ts) fills
// oathtool's code into the page; locked, it opens the popup panel with the unlock request (Firefox lets
// `action.openPopup()` through after the awaits that read the store); the auto-lock alarm is set.
//
// Not automated: the key press and its activeTab grant — this test copy has `<all_urls>` in the grant's place, as in
// read.firefox.node.test.ts.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { AUTO_LOCK_ALARM } from '../../src/extension/vault/status.js';
import { Vault } from '../../src/extension/vault/vault.js';
import { HARNESS_PAGE, launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { installStore, MemoryStorage } from './vault/memory-storage.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

interface RecordedBackground extends Window {
  commandListeners: ((command: string) => void)[];
  backgroundErrors: string[];
}

describe('extension in Firefox: saved accounts — the fill-code shortcut with Firefox’s WebCrypto', function () {
  this.timeout(180_000);
  let firefox: FirefoxWithPopup;
  let harness: Page;
  let tab: Page;
  let server: Server;
  let origin: string;
  const local = new MemoryStorage();
  const session = new MemoryStorage();

  const deliverFillCommand = () =>
    harness.evaluate(async () => {
      const page = (await chrome.runtime.getBackgroundPage()) as RecordedBackground;
      for (const listener of page.commandListeners) listener('fill-code');
    });
  const backgroundErrors = () => harness.evaluate(async () => [...((await chrome.runtime.getBackgroundPage()) as RecordedBackground).backgroundErrors]);

  before(async () => {
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end('<!doctype html><title>Sign in</title><input id="code" autocomplete="one-time-code" inputmode="numeric">');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const vault = new Vault({ local, session, iterations: 10_000 });
    await vault.create('firefox passphrase', 'firefox passphrase');
    await vault.add({ issuer: 'Fox', accountName: 'dev', secret: SECRET, site: origin });
    firefox = await launchFirefoxWithPopupTab({ host_permissions: ['<all_urls>'] }, HARNESS_PAGE);
    harness = firefox.popup;
    tab = await firefox.browser.newPage();
  });

  after(async () => {
    await firefox?.close();
    await new Promise((done) => server?.close(done));
  });

  it('one saved account for the site, unlocked: fills oathtool’s code; the auto-lock alarm is set', async () => {
    await installStore(harness, local, session, true);
    await tab.goto(`${origin}/login`);
    await tab.bringToFront();
    const pressedAt = Date.now();
    await deliverFillCommand();
    await tab.waitForFunction(() => /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#code')!.value), { timeout: 15_000, polling: 100 });
    const filled = await tab.evaluate(() => document.querySelector<HTMLInputElement>('#code')!.value);
    const oathtool = (at: number) => execFileSync('oathtool', ['--base32', '--totp', `--now=@${Math.floor(at / 1000)}`, SECRET], { encoding: 'utf8' }).trim();
    expect([oathtool(pressedAt), oathtool(pressedAt + 3_500)]).to.include(filled);
    const alarm = await harness.evaluate((name) => chrome.alarms.get(name), AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).to.be.closeTo(pressedAt + 15 * 60_000, 10_000);
    expect(await backgroundErrors()).to.deep.equal([]);
  });

  it('locked: fills nothing, opens the popup panel with the unlock request (openPopup after the store was read)', async () => {
    await installStore(harness, local, session, false);
    await tab.goto(`${origin}/login`);
    await tab.bringToFront();
    await deliverFillCommand();
    const outcome = await harness.waitForFunction(
      async () => {
        const popups = chrome.extension.getViews({ type: 'popup' }).length;
        const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        const badge = await chrome.action.getBadgeText({ tabId: active!.id! });
        const request = (await chrome.storage.session.get('vaultFillRequest')).vaultFillRequest as { step?: string } | undefined;
        // The popup takes the request as it opens (saved/saved-accounts.ts): then its screen says the step.
        const [popup] = chrome.extension.getViews({ type: 'popup' });
        const step = request?.step ?? (popup?.document.querySelector('#vault-unlock') ? 'unlock' : null);
        return (popups > 0 && step !== null) || badge !== '' ? { popups, badge, step } : false;
      },
      { timeout: 15_000, polling: 100 },
    );
    const seen = (await outcome.jsonValue()) as { popups: number; badge: string; step: string | null };
    expect(seen).to.deep.equal({ popups: 1, badge: '', step: 'unlock' });
    expect(await tab.evaluate(() => document.querySelector<HTMLInputElement>('#code')!.value)).to.equal('');
    expect(await backgroundErrors()).to.deep.equal([]);
  });
});
