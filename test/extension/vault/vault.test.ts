// The saved-accounts store and its crypto in the real browsers (web-test-runner: headless Chromium and Firefox ESR):
// a store written by Node opens here (and its records are what Node saved), and a store made here does what the
// Node tests check — create, add, lock, a wrong passphrase, unlock, a flipped byte — with the browser's WebCrypto and
// the real 600,000 iterations.
import { expect } from '@open-wc/testing';
import { Vault, VaultError } from '../../../src/extension/vault/vault.js';
import { VAULT_KEY } from '../../../src/extension/vault/status.js';
import { MemoryStorage } from './memory-storage.js';
import { NODE_STORE } from './node-store.fixture.js';

describe('vault in the browser: the store’s crypto with this browser’s WebCrypto', function () {
  this.timeout(60_000);

  it('opens a store written in Node (600,000 iterations), with the records Node saved; refuses a wrong passphrase', async () => {
    const local = new MemoryStorage();
    local.items.set(VAULT_KEY, JSON.stringify(NODE_STORE));
    const vault = new Vault({ local, session: new MemoryStorage() });
    let error: unknown;
    await vault.unlock('fixture passphrase 2').catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(VaultError);
    expect((error as VaultError).kind).to.equal('wrong-passphrase');
    await vault.unlock('fixture passphrase 1');
    const accounts = (await vault.list()).map((entry) => (entry.kind === 'account' ? entry.account : entry));
    expect(accounts).to.have.length(2);
    expect(accounts[0]).to.deep.include({ issuer: 'Fixture', accountName: 'node@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', site: 'http://localhost:3000', label: 'Made in Node', savedAt: 1767225600000 });
    expect(accounts[1]).to.deep.include({ digits: 8, period: 60, algorithm: 'SHA512', site: null, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
  });

  it('creates, saves, locks and unlocks with the real iteration count; a flipped byte makes one record damaged, not the rest', async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const vault = new Vault({ local, session });
    await vault.create('browser passphrase', 'browser passphrase');
    const first = await vault.add({ issuer: 'Browser', accountName: 'a', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', site: 'http://localhost:5173' });
    await vault.add({ issuer: 'Browser', accountName: 'b', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', site: 'http://localhost:5173' });
    expect(local.dump()).not.to.contain('JBSWY3DP');
    expect(local.dump()).not.to.contain('localhost');
    await vault.lock();
    expect(session.items.size).to.equal(0);
    await vault.unlock('browser passphrase');
    if (!first.added) throw new Error('not added');
    const stored = JSON.parse(local.items.get(VAULT_KEY)!);
    const sealed = stored.records[first.account.id];
    sealed.data = (sealed.data[0] === 'A' ? 'B' : 'A') + sealed.data.slice(1);
    local.items.set(VAULT_KEY, JSON.stringify(stored));
    expect((await vault.list()).map((entry) => entry.kind).sort()).to.deep.equal(['account', 'damaged']);
  });

  it('loses no change when two instances on one storage (the popup and the background) add at the same moment: Web Locks', async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const popup = new Vault({ local, session, iterations: 1_000 });
    const background = new Vault({ local, session, iterations: 1_000 });
    await popup.create('browser passphrase', 'browser passphrase');
    const secrets = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF'];
    await Promise.all(secrets.map((secret, index) => (index % 2 ? background : popup).add({ accountName: `a${index}`, secret, site: null })));
    expect(await popup.count()).to.equal(4);
    expect((await background.list()).filter((entry) => entry.kind === 'account')).to.have.length(4);
  });
});
