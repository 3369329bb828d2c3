// The saved-accounts store (src/extension/vault/) in Node: in-memory storage areas, Node's real WebCrypto, an
// injected clock. Independent truth: the stored format is opened here with node:crypto (PBKDF2, AES-256-GCM) as
// docs/extension.md describes it; secrets are searched for in every encoding Node itself produces; exported URIs are
// parsed by `otpauth` and `@otplib/uri`.
import { createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { parse as otplibParse } from '@otplib/uri';
import * as OTPAuth from 'otpauth';
import { Vault, VaultError, checkPassphrase, siteOf, type NewAccount, type StoredVault, type VaultErrorKind } from '../../../src/extension/vault/vault.js';
import { AUTO_LOCK_ALARM, VAULT_KEY, VAULT_SESSION_KEY } from '../../../src/extension/vault/status.js';
import { MemoryStorage } from './memory-storage.js';

const PASSPHRASE = 'correct horse battery';
/** Fewer iterations than the 600,000 of a real store, so the suite stays fast; one test below uses the real figure. */
const ITERATIONS = 2_000;

/** A random secret, and every way it could appear in storage if it leaked. */
function secretOf(bytes = 20) {
  const raw = randomBytes(bytes);
  const base32 = new OTPAuth.Secret({ buffer: raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length) as ArrayBuffer }).base32;
  return { raw, base32, encodings: [base32, base32.toLowerCase(), raw.toString('base64'), raw.toString('base64url'), raw.toString('hex'), raw.toString('hex').toUpperCase(), raw.toString('latin1')] };
}

async function expectVaultError(promise: Promise<unknown>, kind: VaultErrorKind): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(VaultError);
    expect((error as VaultError).kind, (error as Error).message).to.equal(kind);
    return error as VaultError;
  }
  throw new Error(`expected a VaultError ${kind}, nothing was thrown`);
}

function setup(options: { now?: () => number } = {}) {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const alarms: { name: string; when?: number; cleared?: true }[] = [];
  const vault = new Vault({
    local,
    session,
    iterations: ITERATIONS,
    ...(options.now ? { now: options.now } : {}),
    alarms: { create: (name, info) => alarms.push({ name, when: info.when }), clear: (name) => alarms.push({ name, cleared: true }) },
  });
  return { local, session, vault, alarms };
}

const account = (overrides: Partial<NewAccount> = {}): NewAccount => ({ issuer: 'Acme', accountName: 'dev@example.com', secret: secretOf().base32, site: 'http://localhost:3000', ...overrides });
const stored = (local: MemoryStorage) => JSON.parse(local.items.get(VAULT_KEY)!) as StoredVault;

describe('vault: the encrypted store of saved test accounts', function () {
  this.timeout(120_000);

  it('is empty until the first save sets it up; create leaves it unlocked, lock locks it, unlock opens it', async () => {
    const { vault, session } = setup();
    expect(await vault.state()).to.deep.equal({ state: 'empty', count: 0 });
    await expectVaultError(vault.unlock(PASSPHRASE), 'no-store');
    await vault.create(PASSPHRASE, PASSPHRASE);
    expect(await vault.state()).to.deep.equal({ state: 'unlocked', count: 0 });
    await vault.add(account());
    await vault.lock();
    expect(await vault.state()).to.deep.equal({ state: 'locked', count: 1 });
    expect(session.items.size).to.equal(0);
    await expectVaultError(vault.list(), 'locked');
    await vault.unlock(PASSPHRASE);
    expect((await vault.list()).map((entry) => entry.kind)).to.deep.equal(['account']);
    await expectVaultError(vault.create(PASSPHRASE, PASSPHRASE), 'store-exists');
  });

  it('refuses a passphrase under 8 characters and one whose repetition differs; warns about a common one', async () => {
    const { vault, local } = setup();
    await expectVaultError(vault.create('short', 'short'), 'passphrase-too-short');
    await expectVaultError(vault.create(PASSPHRASE, `${PASSPHRASE} `), 'passphrase-mismatch');
    expect(local.items.size).to.equal(0);
    expect(checkPassphrase('password1', 'password1')).to.deep.equal({ warning: 'common' });
    expect(checkPassphrase('aaaaaaaaaa', 'aaaaaaaaaa')).to.deep.equal({ warning: 'common' });
    expect(checkPassphrase(PASSPHRASE, PASSPHRASE)).to.deep.equal({});
    expect(checkPassphrase('1234567', '1234567')).to.deep.equal({ problem: 'passphrase-too-short' });
  });

  it('stores exactly what docs/extension.md says: PBKDF2-SHA-256 600,000 × 16-byte salt, AES-256-GCM, the record id as additional data (opened with node:crypto)', async () => {
    const local = new MemoryStorage();
    const vault = new Vault({ local, session: new MemoryStorage() }); // the real iteration count
    await vault.create(PASSPHRASE, PASSPHRASE);
    const { account: saved } = (await vault.add(account({ label: 'Staging admin' }))) as { account: { id: string; secret: string } };
    const store = stored(local);
    expect(store.format).to.equal(1);
    expect(store.wrapped.kdf).to.include({ name: 'PBKDF2-SHA-256', iterations: 600_000 });
    expect(Buffer.from(store.wrapped.kdf.salt, 'base64')).to.have.length(16);

    const gcmOpen = (key: Buffer, sealed: { iv: string; data: string }, aad: string) => {
      const iv = Buffer.from(sealed.iv, 'base64');
      expect(iv).to.have.length(12);
      const data = Buffer.from(sealed.data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
    };
    const kek = pbkdf2Sync(PASSPHRASE, Buffer.from(store.wrapped.kdf.salt, 'base64'), 600_000, 32, 'sha256');
    const dataKey = gcmOpen(kek, store.wrapped.key, 'totp-enroll vault data key');
    expect(dataKey).to.have.length(32);
    const record = JSON.parse(gcmOpen(dataKey, store.records[saved.id]!, `totp-enroll vault record ${saved.id}`).toString('utf8'));
    expect(record).to.include({ secret: saved.secret, label: 'Staging admin', site: 'http://localhost:3000', issuer: 'Acme' });
    // The id is bound: the same record under another id does not open.
    expect(() => gcmOpen(dataKey, store.records[saved.id]!, 'totp-enroll vault record other')).to.throw();
  });

  it('never holds a secret, label, account name, issuer or site in clear in any storage; after Lock, no key in session storage', async () => {
    const { vault, local, session } = setup();
    const secrets = [secretOf(20), secretOf(32), secretOf(64)];
    const words = ['Zyxwv Payroll', 'qa-lead@zyxwv.test', 'Zyxwv label one', 'http://localhost:48123', 'https://staging.zyxwv.test:8443', 'Renamed zyxwv'];
    const dumps: string[] = [];
    const look = () => dumps.push(local.dump(), session.dump());
    await vault.create(PASSPHRASE, PASSPHRASE);
    look();
    const added = [];
    for (const [index, secret] of secrets.entries()) {
      const result = await vault.add({ issuer: words[0], accountName: words[1]!, secret: secret.base32, site: index === 2 ? words[4]! : words[3]!, label: words[2], algorithm: index === 1 ? 'SHA256' : 'SHA1' });
      added.push(result);
      look();
    }
    const first = added[0]!;
    if (!first.added) throw new Error('not added');
    await vault.rename(first.account.id, words[5]!);
    look();
    await vault.moveToSite(first.account.id, words[4]!);
    look();
    await vault.changePassphrase(PASSPHRASE, 'another good passphrase', 'another good passphrase');
    look();
    await vault.lock();
    look();
    expect(session.items.size, 'session storage after Lock').to.equal(0);
    for (const dump of dumps) {
      for (const secret of secrets) for (const encoding of secret.encodings) expect(dump.includes(encoding), `a secret as ${encoding.slice(0, 6)}…`).to.equal(false);
      for (const word of [...words, 'zyxwv', 'Zyxwv', 'localhost', '48123']) expect(dump.includes(word), word).to.equal(false);
    }
    // What is in clear: format, key derivation, wrapped key, count, and record ids (random).
    expect(Object.keys(stored(local)).sort()).to.deep.equal(['count', 'format', 'records', 'wrapped']);
    expect(stored(local).count).to.equal(3);
  });

  it('a wrong passphrase opens nothing and changes nothing', async () => {
    const { vault, local, session } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add(account());
    await vault.lock();
    const before = local.dump();
    await expectVaultError(vault.unlock('correct horse battery!'), 'wrong-passphrase');
    await expectVaultError(vault.unlock(''), 'wrong-passphrase');
    expect(local.dump()).to.equal(before);
    expect(session.items.size).to.equal(0);
    await expectVaultError(vault.changePassphrase('not the passphrase', 'whatever else 1', 'whatever else 1'), 'wrong-passphrase');
    expect(local.dump()).to.equal(before);
    expect(await vault.checkPassphrase('nope nope nope')).to.equal(false);
    await vault.unlock(PASSPHRASE);
    expect(await vault.list()).to.have.length(1);
  });

  it('saves the same secret for the same site once (and says which it kept); the same secret on another site is another account', async () => {
    const { vault } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    const secret = secretOf().base32;
    const first = await vault.add(account({ secret }));
    const again = await vault.add(account({ secret: secret.toLowerCase().replace(/(.{4})/g, '$1 '), label: 'other' }));
    expect(first.added).to.equal(true);
    expect(again).to.deep.equal({ added: false, duplicate: (first as { account: unknown }).account });
    expect((await vault.add(account({ secret, site: 'http://localhost:5173' }))).added).to.equal(true);
    expect((await vault.add(account({ secret, site: null }))).added).to.equal(true);
    expect(await vault.count()).to.equal(3);
    expect((await vault.accountsForSite('http://localhost:3000')).map((each) => each.secret)).to.deep.equal([secret]);
  });

  it('validates what it saves: bad secret, digits, period, algorithm, site, label — named, nothing written', async () => {
    const { vault, local } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    const before = local.dump();
    const cases: [Partial<NewAccount>, string][] = [
      [{ secret: 'not base32!' }, 'secret'],
      [{ digits: 7 }, 'digits'],
      [{ period: 5 }, 'period'],
      [{ algorithm: 'sha1' }, 'algorithm'],
      [{ site: 'http://localhost:3000/login' }, 'site'],
      [{ site: 'chrome://settings' }, 'site'],
      [{ label: 'x'.repeat(201) }, 'label'],
      [{ accountName: '' }, 'accountName'],
    ];
    for (const [overrides, field] of cases) {
      const error = await expectVaultError(vault.add(account(overrides)), 'invalid');
      expect(error.details.field).to.equal(field);
      expect(error.message).not.to.contain('not base32!');
    }
    expect(local.dump()).to.equal(before);
  });

  it('renames, moves to another site or to none, deletes one, deletes all (locked, without the passphrase)', async () => {
    const { vault, local } = setup({});
    await vault.create(PASSPHRASE, PASSPHRASE);
    const a = await vault.add(account());
    const b = await vault.add(account());
    if (!a.added || !b.added) throw new Error('not added');
    expect((await vault.rename(a.account.id, '  Admin on staging ')).label).to.equal('Admin on staging');
    expect((await vault.rename(a.account.id, '')).label).to.equal('Acme — dev@example.com');
    expect((await vault.moveToSite(a.account.id, 'http://localhost:5173/')).site).to.equal('http://localhost:5173');
    expect((await vault.moveToSite(a.account.id, null)).site).to.equal(null);
    await expectVaultError(vault.moveToSite(a.account.id, 'localhost:5173'), 'invalid');
    await vault.delete(b.account.id);
    await expectVaultError(vault.delete(b.account.id), 'not-found');
    expect((await vault.list()).map((entry) => entry.kind === 'account' && entry.account.id)).to.deep.equal([a.account.id]);
    await vault.lock();
    await vault.deleteAll();
    expect(await vault.state()).to.deep.equal({ state: 'empty', count: 0 });
    expect(local.items.has(VAULT_KEY)).to.equal(false);
  });

  it('lists a damaged record (one flipped byte) as damaged, opens the others, and deletes it', async () => {
    const { vault, local } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(((await vault.add(account())) as { account: { id: string } }).account.id);
    const store = stored(local);
    const data = Buffer.from(store.records[ids[1]!]!.data, 'base64');
    data[5]! ^= 0x01;
    local.items.set(VAULT_KEY, JSON.stringify({ ...store, records: { ...store.records, [ids[1]!]: { ...store.records[ids[1]!], data: data.toString('base64') } } }));
    const entries = await vault.list();
    expect(entries.filter((entry) => entry.kind === 'account')).to.have.length(2);
    expect(entries.filter((entry) => entry.kind === 'damaged')).to.deep.equal([{ kind: 'damaged', id: ids[1] }]);
    await expectVaultError(vault.rename(ids[1]!, 'x'), 'damaged-record');
    // The others still change, and the damaged one is not lost by a change to another.
    await vault.rename(ids[0]!, 'still fine');
    expect((await vault.list()).filter((entry) => entry.kind === 'damaged')).to.have.length(1);
    await vault.delete(ids[1]!);
    expect((await vault.list()).map((entry) => entry.kind)).to.deep.equal(['account', 'account']);
    await vault.lock();
    await vault.unlock(PASSPHRASE);
  });

  it('does not open records swapped between ids (the id is the additional data)', async () => {
    const { vault, local } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    const a = ((await vault.add(account({ label: 'A' }))) as { account: { id: string } }).account.id;
    const b = ((await vault.add(account({ label: 'B' }))) as { account: { id: string } }).account.id;
    const store = stored(local);
    local.items.set(VAULT_KEY, JSON.stringify({ ...store, records: { [a]: store.records[b], [b]: store.records[a] } }));
    expect((await vault.list()).map((entry) => entry.kind)).to.deep.equal(['damaged', 'damaged']);
  });

  it('refuses a store of a newer format by name and changes nothing (Delete all still works)', async () => {
    const { vault, local, session } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add(account());
    await vault.lock();
    local.items.set(VAULT_KEY, JSON.stringify({ ...stored(local), format: 2 }));
    const before = local.dump();
    expect(await vault.state()).to.deep.include({ state: 'newer-format', format: 2, count: 1 });
    const error = await expectVaultError(vault.unlock(PASSPHRASE), 'newer-format');
    expect(error.details.format).to.equal(2);
    expect(error.message).to.match(/newer version/);
    await expectVaultError(vault.create(PASSPHRASE, PASSPHRASE), 'newer-format');
    await expectVaultError(vault.changePassphrase(PASSPHRASE, 'another one 123', 'another one 123'), 'newer-format');
    expect(local.dump()).to.equal(before);
    expect(session.items.size).to.equal(0);
    await vault.deleteAll();
    expect(await vault.state()).to.deep.equal({ state: 'empty', count: 0 });
  });

  it('a damaged store as a whole (not JSON of ours) is reported, not crashed on', async () => {
    const { vault, local } = setup();
    local.items.set(VAULT_KEY, JSON.stringify({ format: 1, wrapped: 'x' }));
    await expectVaultError(vault.unlock(PASSPHRASE), 'damaged-store');
    expect((await vault.state()).state).to.equal('damaged');
  });

  it('change passphrase re-wraps the data key only; interrupted after the new key is written, both passphrases open the store', async () => {
    const { vault, local } = setup();
    const next = 'a new passphrase 2';
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add(account());
    const records = JSON.stringify(stored(local).records);
    // The write after the new key's fails.
    local.failWrites = [local.writes + 2];
    await expectVaultError(vault.changePassphrase(PASSPHRASE, next, next), 'storage-failed');
    expect(JSON.stringify(stored(local).records)).to.equal(records);
    await vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(await vault.list()).to.have.length(1);
    await vault.lock();
    await vault.unlock(next); // finishes the change
    expect(stored(local)).not.to.have.property('pending');
    await vault.lock();
    await expectVaultError(vault.unlock(PASSPHRASE), 'wrong-passphrase');
    await vault.unlock(next);
    expect(JSON.stringify(stored(local).records), 'records untouched').to.equal(records);

    // The first write (the new key beside the old) fails: nothing changed at all.
    const before = local.dump();
    local.failWrites = [local.writes + 1];
    await expectVaultError(vault.changePassphrase(next, 'third passphrase 3', 'third passphrase 3'), 'storage-failed');
    expect(local.dump()).to.equal(before);
    await vault.lock();
    await vault.unlock(next);
  });

  it('with the storage quota full, refuses a save and writes nothing', async () => {
    const { vault, local } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add(account());
    local.quotaBytes = [...local.items].reduce((sum, [key, value]) => sum + key.length + value.length, 0) + 100;
    const before = local.dump();
    await expectVaultError(vault.add(account()), 'quota-full');
    await expectVaultError(vault.addMany([account(), account()]), 'quota-full');
    expect(local.dump()).to.equal(before);
    expect(await vault.list()).to.have.length(1);
  });

  it('auto-locks after N minutes without use (injected clock); each use moves the time on; the alarm is set for it', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const { vault, session, alarms } = setup({ now: () => now });
    expect(await vault.autoLockMinutes()).to.equal(15);
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.setAutoLockMinutes(1);
    for (const bad of [0, 481, 1.5, Number.NaN]) await expectVaultError(vault.setAutoLockMinutes(bad), 'invalid');
    expect(alarms.at(-1)).to.deep.equal({ name: AUTO_LOCK_ALARM, when: now + 60_000 });
    now += 59_000;
    expect(await vault.isUnlocked()).to.equal(true);
    await vault.list(); // a use
    expect(alarms.at(-1)).to.deep.equal({ name: AUTO_LOCK_ALARM, when: now + 60_000 });
    now += 59_000;
    expect(await vault.lockIfIdle()).to.equal(false);
    now += 1_000;
    expect(await vault.isUnlocked()).to.equal(false);
    expect(await vault.lockIfIdle()).to.equal(true);
    expect(session.items.has(VAULT_SESSION_KEY)).to.equal(false);
    expect(alarms.at(-1)).to.deep.equal({ name: AUTO_LOCK_ALARM, cleared: true });
    // Missed alarm (a sleeping machine): the next use finds the time run out and locks.
    await vault.unlock(PASSPHRASE);
    now += 5 * 60_000;
    await expectVaultError(vault.list(), 'locked');
    expect(session.items.size).to.equal(0);
    // A clock set back by more than a minute is not "recent use" forever.
    await vault.unlock(PASSPHRASE);
    now -= 2 * 60 * 60_000;
    expect(await vault.isUnlocked()).to.equal(false);
  });

  it('uses within 5 s of the last count as one: no session write and no new alarm for each', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const { vault, session, alarms } = setup({ now: () => now });
    await vault.create(PASSPHRASE, PASSPHRASE);
    const [writes, set] = [session.writes, alarms.length];
    now += 1_000;
    await vault.list();
    now += 3_000;
    await vault.list();
    expect([session.writes, alarms.length]).to.deep.equal([writes, set]);
    now += 2_000;
    await vault.list();
    expect(alarms.at(-1)).to.deep.equal({ name: AUTO_LOCK_ALARM, when: now + 15 * 60_000 });
  });

  it('a session key that is not a key (session storage edited) locks instead of failing every use', async () => {
    const { vault, session } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    session.items.set(VAULT_SESSION_KEY, JSON.stringify({ key: 'bm90IGEga2V5', lastUsedAt: Date.now() }));
    await expectVaultError(vault.list(), 'locked');
    expect(session.items.size).to.equal(0);
    await vault.unlock(PASSPHRASE);
    expect(await vault.list()).to.deep.equal([]);
  });

  it('siteOf: scheme + host + port for web pages, none for browser pages', () => {
    expect(siteOf('http://localhost:3000/login?x=1')).to.equal('http://localhost:3000');
    expect(siteOf('http://localhost:5173/')).to.equal('http://localhost:5173');
    expect(siteOf('https://example.com:443/a')).to.equal('https://example.com');
    for (const page of ['chrome://settings', 'about:blank', 'moz-extension://abc/popup.html', 'file:///tmp/a.html', '', undefined]) expect(siteOf(page)).to.equal(null);
  });
});

describe('vault: export and import', function () {
  this.timeout(120_000);

  it('exports all or one site after the passphrase, and imports it back: same accounts; URIs parse in otpauth and @otplib/uri to the same settings', async () => {
    const { exportAccounts, previewImport, importAccounts } = await import('../../../src/extension/vault/transfer.js');
    const { vault } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    await vault.add(account({ issuer: 'My Bank', accountName: 'jane doe+tag@example.com', label: 'Jane on 3000' }));
    await vault.add(account({ issuer: '', accountName: 'solo', digits: 8, period: 60, algorithm: 'SHA512', site: 'http://localhost:5173' }));
    await vault.add(account({ issuer: 'Ünï 銀行', accountName: 'x&y=z #?', algorithm: 'SHA256', site: null }));
    const saved = (await vault.list()).map((entry) => (entry.kind === 'account' ? entry.account : undefined)!);

    await expectVaultError(exportAccounts(vault, 'wrong passphrase', { format: 'uris' }), 'wrong-passphrase');
    const one = await exportAccounts(vault, PASSPHRASE, { format: 'uris', site: 'http://localhost:5173' });
    expect(one.count).to.equal(1);
    expect(one.text.trim().split('\n')).to.have.length(1);

    const uris = await exportAccounts(vault, PASSPHRASE, { format: 'uris' });
    const lines = uris.text.trim().split('\n');
    expect(lines).to.have.length(3);
    lines.forEach((uri, index) => {
      const original = saved[index]!;
      const otpauth = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
      expect([otpauth.issuer, otpauth.label, otpauth.secret.base32, otpauth.algorithm, otpauth.digits, otpauth.period]).to.deep.equal([original.issuer, original.accountName, original.secret, original.algorithm, original.digits, original.period]);
      const otplib = otplibParse(uri);
      expect([otplib.params.issuer ?? '', otplib.params.secret, otplib.params.algorithm?.toUpperCase(), otplib.params.digits, otplib.params.period]).to.deep.equal([original.issuer, original.secret, original.algorithm, original.digits, original.period]);
    });

    const json = await exportAccounts(vault, PASSPHRASE, { format: 'json' });
    expect(JSON.parse(json.text).warning).to.match(/in clear/);
    const strip = (each: typeof saved) => each.map(({ id: _id, ...rest }) => rest);
    const { vault: other } = setup();
    await other.create('other passphrase', 'other passphrase');
    const preview = await previewImport(other, json.text, null);
    expect(preview.refused).to.deep.equal([]);
    expect(await other.count(), 'nothing saved before confirming').to.equal(0);
    await importAccounts(other, preview);
    const imported = (await other.list()).map((entry) => (entry.kind === 'account' ? entry.account : undefined)!);
    expect(strip(imported)).to.deep.equal(strip(saved));
    // Importing the same again: every one a duplicate, nothing added.
    const again = await previewImport(other, json.text, null);
    expect(again.accounts.map((candidate) => candidate.duplicate)).to.deep.equal([true, true, true]);
    expect((await importAccounts(other, again)).map((result) => result.added)).to.deep.equal([false, false, false]);

    // The URI list keeps everything the URI can hold; the site is the one imported into.
    const { vault: third } = setup();
    await third.create('third passphrase', 'third passphrase');
    await importAccounts(third, await previewImport(third, uris.text, 'http://localhost:8080'));
    const fromUris = (await third.list()).map((entry) => (entry.kind === 'account' ? entry.account : undefined)!);
    expect(fromUris.map(({ issuer, accountName, secret, digits, period, algorithm, site }) => ({ issuer, accountName, secret, digits, period, algorithm, site }))).to.deep.equal(
      saved.map(({ issuer, accountName, secret, digits, period, algorithm }) => ({ issuer, accountName, secret, digits, period, algorithm, site: 'http://localhost:8080' })),
    );
  });

  it('names each refused line with its number and reason (hotp and migration as Read refuses them); imports a single pasted URI', async () => {
    const { parseImport } = await import('../../../src/extension/vault/transfer.js');
    const text = [
      '# exported for CI',
      'otpauth://totp/Acme:a?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Acme',
      '',
      'otpauth://hotp/Acme:b?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&counter=1',
      'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU',
      'otpauth://totp/Acme:c?secret=NOT-BASE32!&issuer=Acme',
      'otpauth://totp/Acme:d?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&digits=7',
      'https://example.com/',
    ].join('\n');
    const preview = parseImport(text, null);
    expect(preview.accounts.map((candidate) => candidate.line)).to.deep.equal([2]);
    expect(preview.refused.map(({ line, reason, field }) => ({ line, reason, field }))).to.deep.equal([
      { line: 4, reason: 'hotp', field: undefined },
      { line: 5, reason: 'migration', field: undefined },
      { line: 6, reason: 'invalid', field: 'secret' },
      { line: 7, reason: 'invalid', field: 'digits' },
      { line: 8, reason: 'not-a-key-uri', field: undefined },
    ]);
    expect(preview.refused[2]!.message).not.to.contain('NOT-BASE32');
    const single = parseImport('  otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP  ', 'http://localhost:3000');
    expect(single.accounts).to.have.length(1);
    expect(single.accounts[0]!.account.site).to.equal('http://localhost:3000');
    expect(parseImport('{"format":"something else"}', null).refused[0]!.reason).to.equal('not-our-json');
    const json = parseImport(
      JSON.stringify({
        format: 'totp-enroll/saved-accounts',
        version: 1,
        accounts: [
          { uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP', label: 'fine', site: 'http://localhost:3000', savedAt: '2026-01-01T00:00:00.000Z' },
          { uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXQ', label: 'x'.repeat(201), site: null },
          { uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXR', site: 'localhost:3000' },
          { label: 'no uri' },
          { uri: 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXR' },
        ],
      }),
      null,
    );
    expect(json.accounts.map(({ line, account }) => [line, account.label, account.site, account.savedAt])).to.deep.equal([[1, 'fine', 'http://localhost:3000', Date.UTC(2026, 0, 1)]]);
    expect(json.refused.map(({ line, reason, field }) => [line, reason, field])).to.deep.equal([
      [2, 'not-our-json', 'label'],
      [3, 'not-our-json', 'site'],
      [4, 'not-our-json', undefined],
      [5, 'hotp', undefined],
    ]);
    expect(parseImport('{"format":"totp-enroll/saved-accounts","version":2,"accounts":[]}', null).refused[0]!.message).to.match(/newer version/);
  });
});

describe('vault: changes at the same moment', function () {
  this.timeout(120_000);

  it('one instance runs its changes one after another (no Web Locks in Node 20): none is lost', async () => {
    const { vault } = setup();
    await vault.create(PASSPHRASE, PASSPHRASE);
    const results = await Promise.all([vault.add(account()), vault.add(account()), vault.add(account()), vault.add(account())]);
    expect(results.every((result) => result.added)).to.equal(true);
    expect(await vault.count()).to.equal(4);
    expect((await vault.list()).filter((entry) => entry.kind === 'account')).to.have.length(4);
  });
});
