// Saved test accounts in the built Chrome extension in headless Chromium (issue 18): the fill-code shortcut's handler
// in the real background service worker, driven as the command would drive it, on pages with one saved account,
// two, none, and with the store locked; auto-lock by the real alarm handler at the shortest setting; and everything
// the extension can store read back, with no secret, label or site in it.
//
// The store is set up by our own Vault in Node (in-memory storage, Node's WebCrypto) and its storage items are copied
// into the extension's chrome.storage: the background then opens it with Chromium's WebCrypto — the same bytes read
// by two implementations. Truth for codes: oathtool.
//
// Not automated (as in shortcut.chromium.node.test.ts): the key press itself. The command is delivered to the
// background's listeners, and each page has first had a click on the toolbar button for the activeTab grant a key
// press would give. The popup's side of the request (opening at unlock / pick / save) is the popup's; here the
// request is seen in session storage and the popup seen opening.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { WebWorker } from 'puppeteer-core';
import { Vault } from '../../src/extension/vault/vault.js';
import { AUTO_LOCK_ALARM, VAULT_SESSION_KEY, VAULT_SETTINGS_KEY } from '../../src/extension/vault/status.js';
import { FILL_REQUEST_KEY } from '../../src/extension/vault/fill-request.js';
import { isQuotaError } from '../../src/extension/vault/errors.js';
import { backgroundWorker, launchWithExtension, openPopup, type ExtensionBrowser } from './chromium-extension.js';
import { installStore, MemoryStorage } from './vault/memory-storage.js';

const PASSPHRASE = 'staging passphrase 1';
const SECRETS = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'];
const LABELS = ['Qwzx single account', 'Qwzx first of two', 'Qwzx second of two'];

const SIGN_IN = `<!doctype html><title>Sign in</title><form><label>Code <input id="code" autocomplete="one-time-code" inputmode="numeric"></label></form>`;

/** A sign-in page per port: each port is its own site (scheme + host + port). */
async function startSites(count: number): Promise<{ origins: string[]; close(): Promise<void> }> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(SIGN_IN);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
  }
  return {
    origins: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    close: () => Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done())))).then(() => undefined),
  };
}

function oathtool(secret: string, timestamp: number): string {
  return execFileSync('oathtool', ['--base32', '--totp', `--now=@${Math.floor(timestamp / 1000)}`, secret], { encoding: 'utf8' }).trim();
}

describe('extension in Chromium: saved accounts — the fill-code shortcut, auto-lock, nothing in clear', function () {
  this.timeout(180_000);
  let chromium: ExtensionBrowser;
  let worker: WebWorker;
  let sites: Awaited<ReturnType<typeof startSites>>;
  let popupUrl: string;
  const local = new MemoryStorage();
  const session = new MemoryStorage();

  const deliverFillCommand = () => worker.evaluate(() => (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('fill-code'));
  const extensionStorage = () =>
    worker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      indexedDb: (await indexedDB.databases()).map((database) => database.name),
    }));
  const tabId = () => worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const badge = async () => {
    const id = await tabId();
    return worker.evaluate(async (tab) => ({ text: await chrome.action.getBadgeText({ tabId: tab }), title: await chrome.action.getTitle({ tabId: tab }) }), id!);
  };

  /** Shows `origin`'s sign-in page and clicks the toolbar button once (the activeTab grant a key press would give). */
  async function showWithGrant(origin: string): Promise<void> {
    await chromium.tab.goto(`${origin}/login`);
    const { popup } = await openPopup(chromium);
    await popup.close();
    await chromium.tab.bringToFront();
  }

  before(async () => {
    sites = await startSites(3);
    const [one, two] = sites.origins;
    // The store, made in Node: one account on the first site, two on the second, none on the third.
    const vault = new Vault({ local, session, iterations: 10_000 });
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add({ issuer: 'Qwzx', accountName: 'single', secret: SECRETS[0]!, site: one!, label: LABELS[0] });
    await vault.add({ issuer: 'Qwzx', accountName: 'first', secret: SECRETS[1]!, site: two!, label: LABELS[1] });
    await vault.add({ issuer: 'Qwzx', accountName: 'second', secret: SECRETS[2]!, site: two!, label: LABELS[2] });
    chromium = await launchWithExtension();
    popupUrl = `chrome-extension://${chromium.extension.id}/popup.html`;
    worker = (await backgroundWorker(chromium)).worker;
  });

  after(async () => {
    await chromium?.close();
    await sites?.close();
  });

  it('one saved account for the site, unlocked: fills oathtool’s code into the page, badge ✓ for a few seconds, no popup', async () => {
    await installStore(worker, local, session, true);
    await showWithGrant(sites.origins[0]!);
    const pressedAt = Date.now();
    await deliverFillCommand();
    await chromium.tab.waitForFunction(() => /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#code')!.value), { timeout: 10_000 });
    const filled = await chromium.tab.$eval('#code', (input) => (input as HTMLInputElement).value);
    // The current code, or the next once under 3 s were left (both oathtool's).
    expect([oathtool(SECRETS[0]!, pressedAt), oathtool(SECRETS[0]!, pressedAt + 3_500)]).to.include(filled);
    expect(await badge()).to.deep.include({ text: '✓' });
    expect(chromium.browser.targets().filter((target) => target.url() === popupUrl)).to.have.length(0);
    // The background used the store: the auto-lock alarm is set from this use.
    const alarm = await worker.evaluate((name) => chrome.alarms.get(name), AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).to.be.closeTo(pressedAt + 15 * 60_000, 10_000);
  });

  for (const [what, siteIndex, unlocked, step] of [
    ['two saved accounts for the site: opens the popup to pick', 1, true, 'pick'],
    ['no saved account for the site: opens the popup to save one', 2, true, 'save'],
    ['the store locked: opens the popup to unlock', 0, false, 'unlock'],
  ] as const) {
    it(`${what}; fills nothing`, async () => {
      await installStore(worker, local, session, unlocked);
      await showWithGrant(sites.origins[siteIndex]!);
      const opened = chromium.browser.waitForTarget((target) => target.url() === popupUrl, { timeout: 10_000 });
      await deliverFillCommand();
      const popup = await (await opened).asPage();
      // The popup takes the request and opens at its step (saved/saved-accounts.ts `openAt`): the unlock field, or
      // the list with a notice asking to pick one or saying none is saved for this site.
      const shown = await popup.waitForFunction(
        (wanted) => {
          if (wanted === 'unlock') return document.querySelector('#vault-unlock') !== null && 'unlock';
          const notice = document.querySelector('#vault-notice')?.textContent ?? '';
          const name = wanted === 'pick' ? 'vaultPickToFill' : 'vaultNoneToFill';
          return notice === chrome.i18n.getMessage(name) && wanted;
        },
        { timeout: 20_000 },
        step,
      );
      expect(await shown.jsonValue()).to.equal(step);
      if (step === 'pick') expect(await popup.$$('#vault-here li.account')).to.have.length(2);
      // Taken: nothing of the request is left in session storage.
      expect((await worker.evaluate((key) => chrome.storage.session.get(key), FILL_REQUEST_KEY))[FILL_REQUEST_KEY]).to.equal(undefined);
      expect(await chromium.tab.$eval('#code', (input) => (input as HTMLInputElement).value)).to.equal('');
      await popup.close();
    });
  }

  it('a browser page: says so on the badge, opens nothing', async () => {
    await installStore(worker, local, session, true);
    await chromium.tab.goto('about:blank');
    await deliverFillCommand();
    for (let attempt = 0; attempt < 50 && (await badge()).text === ''; attempt++) await new Promise((resume) => setTimeout(resume, 100));
    const shown = await badge();
    expect(shown.text).to.equal('✗');
    expect(shown.title).to.match(/browser page/);
    expect(chromium.browser.targets().filter((target) => target.url() === popupUrl)).to.have.length(0);
  });

  it('auto-locks at the shortest setting (1 minute) when the alarm fires after a minute without use, not before', async () => {
    await installStore(worker, local, session, true);
    await worker.evaluate((key) => chrome.storage.local.set({ [key]: { autoLockMinutes: 1 } }), VAULT_SETTINGS_KEY);
    await showWithGrant(sites.origins[0]!);
    const usedAt = Date.now();
    await deliverFillCommand(); // a use: sets the alarm for a minute from now
    await chromium.tab.waitForFunction(() => document.querySelector<HTMLInputElement>('#code')!.value !== '', { timeout: 10_000 });
    const alarm = await worker.evaluate((name) => chrome.alarms.get(name), AUTO_LOCK_ALARM);
    expect(alarm?.scheduledTime).to.be.closeTo(usedAt + 60_000, 5_000);
    const fire = () => worker.evaluate((name) => (chrome.alarms.onAlarm as unknown as { dispatch(alarm: { name: string; scheduledTime: number }): void }).dispatch({ name, scheduledTime: Date.now() }), AUTO_LOCK_ALARM);
    const sessionKey = async () => (await worker.evaluate((key) => chrome.storage.session.get(key), VAULT_SESSION_KEY))[VAULT_SESSION_KEY];
    // Early (the alarm fired, but less than a minute since the last use): stays unlocked.
    await fire();
    await new Promise((resume) => setTimeout(resume, 500));
    expect(await sessionKey()).not.to.equal(undefined);
    // A minute without use: the last use moved back 61 s (instead of waiting), then the alarm.
    await worker.evaluate(async (key) => {
      const { [key]: current } = await chrome.storage.session.get(key);
      await chrome.storage.session.set({ [key]: { ...(current as object), lastUsedAt: Date.now() - 61_000 } });
    }, VAULT_SESSION_KEY);
    await fire();
    for (let attempt = 0; attempt < 50 && (await sessionKey()) !== undefined; attempt++) await new Promise((resume) => setTimeout(resume, 100));
    expect(await sessionKey()).to.equal(undefined);
    expect(await worker.evaluate(() => chrome.storage.session.get(null))).to.deep.equal({});
    expect(await worker.evaluate((name) => chrome.alarms.get(name), AUTO_LOCK_ALARM)).to.equal(undefined);
  });

  it('Chromium’s own "quota full" error is what the store recognises as quota-full (the write refused whole)', async () => {
    const outcome = await worker.evaluate(async () => {
      try {
        await chrome.storage.local.set({ filler: 'x'.repeat(11 * 1024 * 1024) });
        return { stored: true, message: '' };
      } catch (error) {
        return { stored: false, message: String(error) };
      }
    });
    expect(outcome.stored, 'storage.local takes more than 10 MB: no quota to test').to.equal(false);
    expect(isQuotaError(new Error(outcome.message)), outcome.message).to.equal(true);
    expect(await worker.evaluate(() => chrome.storage.local.get('filler'))).to.deep.equal({});
  });

  it('holds no secret, label or site in clear anywhere it can store (local, session, sync, IndexedDB, its localStorage); after lock no key', async () => {
    await installStore(worker, local, session, true);
    const stored = await extensionStorage();
    const popup = await chromium.browser.newPage();
    await popup.goto(popupUrl);
    const pageStorage = await popup.evaluate(async () => ({ localStorage: { ...localStorage }, indexedDb: (await indexedDB.databases()).map((database) => database.name) }));
    await popup.close();
    const dump = JSON.stringify([stored, pageStorage]);
    const bytes = (base32: string) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
      let bits = '';
      for (const character of base32) bits += alphabet.indexOf(character).toString(2).padStart(5, '0');
      return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
    };
    for (const secret of SECRETS) {
      const raw = bytes(secret);
      for (const encoding of [secret, secret.toLowerCase(), raw.toString('base64'), raw.toString('hex'), raw.toString('latin1')]) expect(dump.includes(encoding), encoding).to.equal(false);
    }
    for (const word of [...LABELS, 'Qwzx', ...sites.origins, '127.0.0.1']) expect(dump.includes(word), word).to.equal(false);
    expect(stored.sync).to.deep.equal({});
    expect(stored.indexedDb).to.deep.equal([]);
    expect(pageStorage).to.deep.equal({ localStorage: {}, indexedDb: [] });
    // While unlocked, session storage holds the data key and the time of last use, nothing else; after a lock it is
    // empty (the auto-lock test above locks through the real alarm handler and checks that).
    expect(Object.keys(stored.session)).to.deep.equal([VAULT_SESSION_KEY]);
    expect(Object.keys(stored.session[VAULT_SESSION_KEY] as object).sort()).to.deep.equal(['key', 'lastUsedAt']);
  });
});
