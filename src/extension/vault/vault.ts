/**
 * The saved test accounts ("vault", issue 18): always encrypted, locked by default. DOM-free; it takes its storage
 * areas, the clock and the alarms as parameters, so it runs unchanged in the popup, the background script and Node
 * tests (in-memory storage, Node's WebCrypto).
 *
 * Layout in storage and what is in clear: status.ts. Cryptography: crypto.ts. Export and import: transfer.ts. The
 * popup loads this module on first use only (`import('./vault/vault.js')`); what it needs before that is in
 * status.ts and fill-request.ts.
 *
 * API at a glance (all async; errors are {@link VaultError} with a `kind`):
 * - `state()` / `count()` / `isUnlocked()` — readable while locked, no decryption (also `readVaultState` in status.ts);
 * - `create(passphrase, repetition)` (first save; `checkPassphrase` first for the "common" warning), `unlock`, `lock`,
 *   `lockIfIdle` (the alarm), `autoLockMinutes` / `setAutoLockMinutes` (1–480, default 15);
 * - `list()` (accounts and damaged records), `accountsForSite(site)`, `add(account)` (duplicate: same secret + site),
 *   `addMany`, `rename(id, label)`, `moveToSite(id, site)`, `delete(id)`, `deleteAll()`;
 * - `changePassphrase(current, next, repetition)`, `checkPassphrase(passphrase)`, `openWithPassphrase` (export);
 * - transfer.ts: `exportAccounts`, `parseImport`, `previewImport`, `importAccounts`; fill-request.ts: the
 *   fill-code shortcut's request to the popup; chrome-vault.ts: `chromeVault()` on the browser's storage.
 *
 * Every change is one `set()` of the whole stored object, so a refused write (quota full, storage failure) leaves the
 * store exactly as it was. A wrong passphrase changes nothing. Each use while unlocked moves the auto-lock time on.
 */
import { parseParameters, parseSecret, TotpParameterError, type Algorithm, type Digits } from '../../core/index.js';
import { fromBase64, importDataKey, open, randomBytes, seal, toBase64, unwrapDataKey, wrapDataKey, DATA_KEY_BYTES } from './crypto.js';
import { isQuotaError, VaultError } from './errors.js';
import { checkPassphrase } from './passphrase.js';
import { parseSite } from './site.js';
import {
  AUTO_LOCK_ALARM,
  AUTO_LOCK_MINUTES_MAX,
  AUTO_LOCK_MINUTES_MIN,
  readVaultState,
  sessionExpired,
  toAutoLockMinutes,
  VAULT_FORMAT_VERSION,
  VAULT_KEY,
  VAULT_SESSION_KEY,
  VAULT_SETTINGS_KEY,
  type Sealed,
  type StoredVault,
  type VaultSession,
  type VaultState,
  type VaultStorageArea,
  type WrappedKey,
} from './status.js';

export { VaultError, type VaultErrorKind, PASSPHRASE_MIN_LENGTH } from './errors.js';
export { checkPassphrase, isCommonPassphrase, type PassphraseCheck } from './passphrase.js';
export { siteOf, parseSite } from './site.js';
export { PBKDF2_ITERATIONS } from './crypto.js';
export * from './status.js';

/** One saved account, decrypted. Everything here is encrypted at rest. */
export interface SavedAccount {
  /** Random, stable; the record's key in storage and its additional data. */
  readonly id: string;
  readonly issuer: string;
  readonly accountName: string;
  readonly digits: Digits;
  readonly period: number;
  readonly algorithm: Algorithm;
  /** The secret, canonical Base32 (upper case, no padding). */
  readonly secret: string;
  /** Scheme + host + port of the page it was saved on (`http://localhost:3000`), or `null` (browser pages, imports without one). */
  readonly site: string | null;
  /** When it was saved, milliseconds since the epoch. */
  readonly savedAt: number;
  /** The developer's name for it; "Issuer — account" unless edited. */
  readonly label: string;
}

/** What `add` takes: an account as read, pasted or generated. Validated as the core validates everything. */
export interface NewAccount {
  readonly issuer?: string | undefined;
  readonly accountName: string;
  readonly digits?: number | undefined;
  readonly period?: number | undefined;
  readonly algorithm?: string | undefined;
  /** Base32; spaces, lower case and padding are accepted and normalised. */
  readonly secret: string;
  /** An http(s) origin, or `null` for none. */
  readonly site: string | null;
  /** Defaults to "Issuer — account" (or the account alone). */
  readonly label?: string | undefined;
  /** Defaults to now. */
  readonly savedAt?: number | undefined;
}

/** An entry of {@link Vault.list}: an account, or a record that does not decrypt (Delete is all it offers). */
export type VaultEntry = { readonly kind: 'account'; readonly account: SavedAccount } | { readonly kind: 'damaged'; readonly id: string };

/** What `add` did: saved, or found the same secret already saved for the same site (and kept that one). */
export type AddResult = { readonly added: true; readonly account: SavedAccount } | { readonly added: false; readonly duplicate: SavedAccount };

/** The part of `chrome.alarms` auto-lock uses (the popup and the background both set it). */
export interface AutoLockAlarms {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

export interface VaultOptions {
  /** `chrome.storage.local`: the encrypted store and its settings. */
  readonly local: VaultStorageArea;
  /** `chrome.storage.session`: the data key while unlocked. */
  readonly session: VaultStorageArea;
  /** The clock (tests inject one). Defaults to `Date.now`. */
  readonly now?: () => number;
  /** `chrome.alarms`, so that auto-lock happens on time with no popup open. Optional: expiry is also checked on every use. */
  readonly alarms?: AutoLockAlarms | undefined;
  /** PBKDF2 iterations for new wraps (create, change passphrase). Default 600,000; tests use fewer. Unlock always uses the stored figure. */
  readonly iterations?: number;
}

/** The Web Lock every change of the store holds. */
const VAULT_LOCK_NAME = 'totp-enroll-vault';

/** Uses closer together than this count as one for auto-lock (at most this much earlier than the exact time). */
const TOUCH_INTERVAL_MS = 5_000;

/** Longest label accepted. */
export const LABEL_MAX_LENGTH = 200;

const recordAad = (id: string) => `totp-enroll vault record ${id}`;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class Vault {
  readonly #local: VaultStorageArea;
  readonly #session: VaultStorageArea;
  readonly #now: () => number;
  readonly #alarms: AutoLockAlarms | undefined;
  readonly #iterations: number | undefined;
  /** The imported data key for the raw key now in session storage (importing once per raw key, not per use). */
  #cachedKey: { raw: string; key: Promise<CryptoKey> } | undefined;
  /** Changes of this instance, one after another, where there is no Web Locks API. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: VaultOptions) {
    this.#local = options.local;
    this.#session = options.session;
    this.#now = options.now ?? Date.now;
    this.#alarms = options.alarms;
    this.#iterations = options.iterations;
  }

  /** Empty / locked / unlocked / newer format / damaged, and the count: what the popup shows first. No decryption. */
  state(): Promise<VaultState> {
    return readVaultState(this.#local, this.#session, this.#now());
  }

  /** The number of saved records (damaged ones included); readable while locked. 0 when there is no store. */
  async count(): Promise<number> {
    return (await this.state()).count;
  }

  /** True while the data key is in session storage and auto-lock has not run out. */
  async isUnlocked(): Promise<boolean> {
    return (await this.state()).state === 'unlocked';
  }

  /**
   * Sets the store up (the first save): a random data key wrapped under `passphrase`; leaves it unlocked.
   * A common passphrase is not refused here: ask {@link checkPassphrase} first and warn.
   * @throws {VaultError} `passphrase-too-short`, `passphrase-mismatch`, `store-exists`, `newer-format`, `quota-full`, `storage-failed`.
   */
  create(passphrase: string, repetition: string): Promise<void> {
    return this.#exclusive(async () => {
      const { problem } = checkPassphrase(passphrase, repetition);
      if (problem) throw passphraseError(problem);
      const existing = (await this.#local.get(VAULT_KEY))[VAULT_KEY];
      if (existing !== undefined) {
        this.#check(existing);
        throw new VaultError('store-exists', 'A store of saved accounts exists already');
      }
      const raw = randomBytes(DATA_KEY_BYTES);
      const stored: StoredVault = { format: VAULT_FORMAT_VERSION, wrapped: await wrapDataKey(raw, passphrase, this.#iterations), count: 0, records: {} };
      await this.#write(stored);
      await this.#startSession(raw);
    });
  }

  /**
   * Opens the store with `passphrase` (the data key goes to session storage).
   * @throws {VaultError} `wrong-passphrase` (nothing changed), `no-store`, `newer-format`, `damaged-store`.
   */
  unlock(passphrase: string): Promise<void> {
    return this.#exclusive(async () => {
      const stored = await this.#read();
      const raw = await unwrapDataKey(stored.wrapped, passphrase);
      if (raw) {
        await this.#startSession(raw);
        return;
      }
      const pending = stored.pending && (await unwrapDataKey(stored.pending, passphrase));
      if (!pending) throw new VaultError('wrong-passphrase', 'Wrong passphrase');
      await this.#startSession(pending);
      // The new passphrase of an interrupted change: finish it. If this write fails too, both still open the store.
      await this.#write({ ...withoutPending(stored), wrapped: stored.pending! }).catch(() => undefined);
    });
  }

  /** Removes the data key from session storage and the auto-lock alarm. Safe to call when locked. */
  async lock(): Promise<void> {
    this.#cachedKey = undefined;
    await this.#session.remove(VAULT_SESSION_KEY);
    await this.#alarms?.clear(AUTO_LOCK_ALARM);
  }

  /**
   * For the auto-lock alarm (background) and anyone else who wants it: locks when the time without use has run out,
   * else sets the alarm again for the time it will. Returns true when the store is (now) locked.
   */
  async lockIfIdle(): Promise<boolean> {
    const session = await this.#readSession();
    if (!session) {
      await this.lock();
      return true;
    }
    const minutes = await this.autoLockMinutes();
    if (sessionExpired(session.lastUsedAt, minutes, this.#now())) {
      await this.lock();
      return true;
    }
    await this.#schedule(session.lastUsedAt, minutes);
    return false;
  }

  /** Every record, oldest first: accounts, and damaged records by id. @throws {VaultError} `locked`, `no-store`, `newer-format`. */
  async list(): Promise<VaultEntry[]> {
    const [stored, key] = await this.#unlocked();
    return this.#openAll(stored, key);
  }

  /** The accounts saved for `site` (an origin, or `null` for "no site"), oldest first. */
  async accountsForSite(site: string | null): Promise<SavedAccount[]> {
    return (await this.list()).flatMap((entry) => (entry.kind === 'account' && entry.account.site === site ? [entry.account] : []));
  }

  /**
   * Saves an account. The same secret for the same site again is not saved twice: the result names the one kept.
   * @throws {VaultError} `invalid` (with `field`), `locked`, `quota-full`, `storage-failed`, …
   */
  async add(account: NewAccount): Promise<AddResult> {
    const [result] = await this.addMany([account]);
    return result!;
  }

  /** Saves several accounts in one write (import): all or none. Duplicates (also within `accounts`) are skipped and reported. */
  addMany(accounts: readonly NewAccount[]): Promise<AddResult[]> {
    return this.#exclusive(async () => {
      const now = this.#now();
      const valid = accounts.map((account) => validAccount(account, now));
      const [stored, key] = await this.#unlocked();
      const known = (await this.#openAll(stored, key)).flatMap((entry) => (entry.kind === 'account' ? [entry.account] : []));
      const records = { ...stored.records };
      const results: AddResult[] = [];
      for (const fields of valid) {
        const duplicate = known.find((each) => each.secret === fields.secret && each.site === fields.site);
        if (duplicate) {
          results.push({ added: false, duplicate });
          continue;
        }
        const account: SavedAccount = { id: crypto.randomUUID(), ...fields };
        records[account.id] = await sealAccount(key, account);
        known.push(account);
        results.push({ added: true, account });
      }
      if (results.some((result) => result.added)) await this.#write({ ...stored, records, count: Object.keys(records).length });
      return results;
    });
  }

  /** Gives an account a new label. @throws {VaultError} `invalid` (field `label`), `not-found`, `damaged-record`, … */
  async rename(id: string, label: string): Promise<SavedAccount> {
    return this.#update(id, (account) => ({ ...account, label: validLabel(label, account) }));
  }

  /** Moves an account to another site (an http(s) origin), or to none (`null`). @throws {VaultError} `invalid` (field `site`), `not-found`, … */
  async moveToSite(id: string, site: string | null): Promise<SavedAccount> {
    return this.#update(id, (account) => ({ ...account, site: validSite(site) }));
  }

  /** Deletes one record, an account or a damaged one. @throws {VaultError} `not-found`, `locked`, … */
  delete(id: string): Promise<void> {
    return this.#exclusive(async () => {
      const [stored] = await this.#unlocked();
      if (!Object.hasOwn(stored.records, id)) throw new VaultError('not-found', 'No saved account with this id', { id });
      const records = { ...stored.records };
      delete records[id];
      await this.#write({ ...stored, records, count: Object.keys(records).length });
    });
  }

  /**
   * Deletes every saved account and the store itself, locked or not, without the passphrase: the only way out of a
   * forgotten one. Works on a damaged or newer-format store too. The auto-lock setting stays.
   */
  deleteAll(): Promise<void> {
    return this.#exclusive(async () => {
      await this.lock();
      await this.#local.remove(VAULT_KEY);
    });
  }

  /**
   * Changes the passphrase: re-wraps the data key only (records are not touched), in two writes — first the new
   * wrap beside the old, then the new in place of the old — so that if the second write fails, both passphrases
   * open the store (and the next unlock with the new one finishes the change).
   * @throws {VaultError} `wrong-passphrase` (for `current`), `passphrase-too-short`, `passphrase-mismatch`,
   *   `quota-full`/`storage-failed` (for the first write: nothing changed; for the second: both passphrases work).
   */
  changePassphrase(current: string, next: string, repetition: string): Promise<void> {
    return this.#exclusive(async () => {
      const { problem } = checkPassphrase(next, repetition);
      if (problem) throw passphraseError(problem);
      const stored = await this.#read();
      const raw = (await unwrapDataKey(stored.wrapped, current)) ?? (stored.pending && (await unwrapDataKey(stored.pending, current)));
      if (!raw) throw new VaultError('wrong-passphrase', 'Wrong passphrase');
      const wrapped = await wrapDataKey(raw, next, this.#iterations);
      await this.#write({ ...stored, pending: wrapped });
      await this.#write({ ...withoutPending(stored), wrapped });
    });
  }

  /** True when `passphrase` opens the store (export asks for it again). Changes nothing. */
  async checkPassphrase(passphrase: string): Promise<boolean> {
    return (await this.#rawKeyFor(passphrase)) !== undefined;
  }

  /** Auto-lock minutes (1–480, default 15). */
  async autoLockMinutes(): Promise<number> {
    return toAutoLockMinutes((await this.#local.get(VAULT_SETTINGS_KEY))[VAULT_SETTINGS_KEY]);
  }

  /** @throws {VaultError} `invalid` (field `autoLockMinutes`) outside 1–480 or not a whole number. */
  async setAutoLockMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < AUTO_LOCK_MINUTES_MIN || minutes > AUTO_LOCK_MINUTES_MAX) {
      throw new VaultError('invalid', `autoLockMinutes: got ${String(minutes)}; expected a whole number of minutes from ${AUTO_LOCK_MINUTES_MIN} to ${AUTO_LOCK_MINUTES_MAX}`, { field: 'autoLockMinutes' });
    }
    await this.#writeArea(this.#local, { [VAULT_SETTINGS_KEY]: { autoLockMinutes: minutes } });
    const session = await this.#readSession();
    if (session) await this.#schedule(session.lastUsedAt, minutes);
  }

  /**
   * Every account (or those of one site) decrypted after the passphrase is typed again — for export (transfer.ts).
   * Damaged records are returned by id. @throws {VaultError} `wrong-passphrase`, `no-store`, `newer-format`.
   */
  async openWithPassphrase(passphrase: string): Promise<VaultEntry[]> {
    const stored = await this.#read();
    const raw = await this.#rawKeyFor(passphrase, stored);
    if (!raw) throw new VaultError('wrong-passphrase', 'Wrong passphrase');
    return this.#openAll(stored, await importDataKey(raw));
  }

  // ---- inside ----

  /**
   * Runs a read-modify-write of the store alone: the popup and the background script (two contexts, one storage)
   * could otherwise both read the store, change it and write, and one change would be lost. The Web Locks API is
   * shared by all pages and workers of the extension's origin (Chrome and Firefox); without it (Node 20), one
   * instance's changes still run one after another.
   */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    if (locks) return locks.request(VAULT_LOCK_NAME, work) as Promise<T>;
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #rawKeyFor(passphrase: string, stored?: StoredVault): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const vault = stored ?? (await this.#read());
    return (await unwrapDataKey(vault.wrapped, passphrase)) ?? (vault.pending && (await unwrapDataKey(vault.pending, passphrase)));
  }

  #update(id: string, change: (account: SavedAccount) => SavedAccount): Promise<SavedAccount> {
    return this.#exclusive(async () => {
      const [stored, key] = await this.#unlocked();
      const sealed = stored.records[id];
      if (!Object.hasOwn(stored.records, id) || !sealed) throw new VaultError('not-found', 'No saved account with this id', { id });
      const account = await openAccount(key, id, sealed);
      if (!account) throw new VaultError('damaged-record', 'This saved account is damaged and cannot be opened', { id });
      const changed = change(account);
      await this.#write({ ...stored, records: { ...stored.records, [id]: await sealAccount(key, changed) } });
      return changed;
    });
  }

  async #openAll(stored: StoredVault, key: CryptoKey): Promise<VaultEntry[]> {
    const entries = await Promise.all(
      Object.entries(stored.records).map(async ([id, sealed]): Promise<VaultEntry> => {
        const account = await openAccount(key, id, sealed);
        return account ? { kind: 'account', account } : { kind: 'damaged', id };
      }),
    );
    // Oldest first; damaged records (no time to sort by) last, in storage order.
    const order = (entry: VaultEntry) => (entry.kind === 'account' ? entry.account.savedAt : Number.MAX_SAFE_INTEGER);
    return entries.sort((a, b) => order(a) - order(b));
  }

  /** The stored object, checked. @throws {VaultError} `no-store`, `newer-format`, `damaged-store`. */
  async #read(): Promise<StoredVault> {
    const stored = (await this.#local.get(VAULT_KEY))[VAULT_KEY];
    if (stored === undefined) throw new VaultError('no-store', 'Nothing is saved yet');
    return this.#check(stored);
  }

  #check(stored: unknown): StoredVault {
    const vault = stored as Partial<StoredVault> | null;
    if (typeof vault === 'object' && vault !== null && typeof vault.format === 'number' && vault.format > VAULT_FORMAT_VERSION) {
      throw new VaultError('newer-format', `The saved accounts were written by a newer version of this extension (format ${vault.format}; this version reads format ${VAULT_FORMAT_VERSION}). Update the extension.`, { format: vault.format });
    }
    if (typeof vault !== 'object' || vault === null || vault.format !== VAULT_FORMAT_VERSION || !isWrapped(vault.wrapped) || (vault.pending !== undefined && !isWrapped(vault.pending)) || typeof vault.records !== 'object' || vault.records === null) {
      throw new VaultError('damaged-store', 'The saved accounts cannot be read: the stored data is damaged');
    }
    return vault as StoredVault;
  }

  /** Store and data key, the store unlocked; moves the auto-lock time on. @throws {VaultError} `locked` (also when it just timed out). */
  async #unlocked(): Promise<[StoredVault, CryptoKey]> {
    const stored = await this.#read();
    const session = await this.#readSession();
    const minutes = await this.autoLockMinutes();
    const now = this.#now();
    if (!session || sessionExpired(session.lastUsedAt, minutes, now)) {
      if (session) await this.lock();
      throw new VaultError('locked', 'The saved accounts are locked');
    }
    if (this.#cachedKey?.raw !== session.key) this.#cachedKey = { raw: session.key, key: Promise.resolve().then(() => importDataKey(fromBase64(session.key))) };
    let key: CryptoKey;
    try {
      key = await this.#cachedKey.key;
    } catch {
      // Not a key (session storage edited by something else): lock rather than fail on every use.
      await this.lock();
      throw new VaultError('locked', 'The saved accounts are locked');
    }
    // A use moves the auto-lock time on; uses within a few seconds of the last one need not write again (a popup that
    // lists every second would otherwise write session storage and set the alarm every second).
    if (now - session.lastUsedAt >= TOUCH_INTERVAL_MS || now < session.lastUsedAt) {
      await this.#session.set({ [VAULT_SESSION_KEY]: { key: session.key, lastUsedAt: now } satisfies VaultSession });
      await this.#schedule(now, minutes);
    }
    return [stored, key];
  }

  async #readSession(): Promise<VaultSession | undefined> {
    const session = (await this.#session.get(VAULT_SESSION_KEY))[VAULT_SESSION_KEY] as Partial<VaultSession> | undefined;
    return typeof session?.key === 'string' && typeof session.lastUsedAt === 'number' ? (session as VaultSession) : undefined;
  }

  async #startSession(raw: Uint8Array): Promise<void> {
    const now = this.#now();
    await this.#session.set({ [VAULT_SESSION_KEY]: { key: toBase64(raw), lastUsedAt: now } satisfies VaultSession });
    await this.#schedule(now, await this.autoLockMinutes());
  }

  async #schedule(lastUsedAt: number, minutes: number): Promise<void> {
    await this.#alarms?.create(AUTO_LOCK_ALARM, { when: lastUsedAt + minutes * 60_000 });
  }

  #write(stored: StoredVault): Promise<void> {
    return this.#writeArea(this.#local, { [VAULT_KEY]: stored });
  }

  async #writeArea(area: VaultStorageArea, items: Record<string, unknown>): Promise<void> {
    try {
      await area.set(items);
    } catch (error) {
      if (isQuotaError(error)) throw new VaultError('quota-full', 'The browser’s storage for this extension is full: nothing was saved');
      throw new VaultError('storage-failed', 'The browser refused to store the change: nothing was saved');
    }
  }
}

function withoutPending(stored: StoredVault): StoredVault {
  const rest = { ...stored };
  delete rest.pending;
  return rest;
}

function isWrapped(value: unknown): value is WrappedKey {
  const wrapped = value as Partial<WrappedKey> | undefined;
  return (
    typeof wrapped?.kdf === 'object' &&
    wrapped.kdf.name === 'PBKDF2-SHA-256' &&
    Number.isSafeInteger(wrapped.kdf.iterations) &&
    wrapped.kdf.iterations > 0 &&
    typeof wrapped.kdf.salt === 'string' &&
    typeof wrapped.key?.iv === 'string' &&
    typeof wrapped.key.data === 'string'
  );
}

function passphraseError(problem: 'passphrase-too-short' | 'passphrase-mismatch'): VaultError {
  return new VaultError(problem, problem === 'passphrase-too-short' ? 'The passphrase must be at least 8 characters long' : 'The two passphrases differ');
}

/** The record's plaintext: the account's fields but its id (which is the additional data). */
async function sealAccount(key: CryptoKey, account: SavedAccount): Promise<Sealed> {
  const { id, issuer, accountName, digits, period, algorithm, secret, site, savedAt, label } = account;
  return seal(key, encoder.encode(JSON.stringify({ issuer, accountName, digits, period, algorithm, secret, site, savedAt, label })), recordAad(id));
}

async function openAccount(key: CryptoKey, id: string, sealed: Sealed): Promise<SavedAccount | undefined> {
  if (typeof sealed?.iv !== 'string' || typeof sealed.data !== 'string') return undefined;
  const plain = await open(key, sealed, recordAad(id));
  if (!plain) return undefined;
  try {
    const fields = JSON.parse(decoder.decode(plain)) as Omit<SavedAccount, 'id'>;
    return { id, ...validAccount(fields as NewAccount, 0) };
  } catch {
    return undefined;
  }
}

/** The account's fields validated and normalised. @throws {VaultError} `invalid` naming the field. */
function validAccount(account: NewAccount, now: number): Omit<SavedAccount, 'id'> {
  try {
    const parameters = parseParameters(account);
    const secret = parseSecret(account.secret).base32;
    const savedAt = account.savedAt ?? now;
    if (!Number.isSafeInteger(savedAt) || savedAt < 0) throw new VaultError('invalid', `savedAt: got ${String(savedAt)}; expected a time in milliseconds`, { field: 'savedAt' });
    const fields = { ...parameters, secret, site: validSite(account.site), savedAt };
    return { ...fields, label: validLabel(account.label ?? defaultLabel(parameters), fields) };
  } catch (error) {
    if (error instanceof TotpParameterError) throw new VaultError('invalid', error.field === 'secret' ? 'secret: not a valid Base32 secret' : error.message, { field: error.field });
    throw error;
  }
}

function defaultLabel({ issuer, accountName }: { issuer: string; accountName: string }): string {
  return issuer ? `${issuer} — ${accountName}` : accountName;
}

function validLabel(label: unknown, account: { issuer: string; accountName: string }): string {
  if (typeof label !== 'string' || label.length > LABEL_MAX_LENGTH) throw new VaultError('invalid', `label: expected text of at most ${LABEL_MAX_LENGTH} characters`, { field: 'label' });
  return label.trim() || defaultLabel(account);
}

function validSite(site: unknown): string | null {
  const parsed = typeof site === 'string' || site === null || site === undefined ? parseSite(site) : undefined;
  if (parsed === undefined) throw new VaultError('invalid', 'site: expected scheme, host and port of a web page (like http://localhost:3000), or none', { field: 'site' });
  return parsed;
}
