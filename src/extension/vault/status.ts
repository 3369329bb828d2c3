/**
 * The small, crypto-free part of the saved-accounts store ("vault") that the popup may import when it opens: where the
 * store lives in `chrome.storage.local`, what is in clear there, and how to tell "nothing saved" / "locked" /
 * "unlocked" without loading the store's code. Everything that encrypts or decrypts is in vault.ts, which the popup
 * loads with `import('./vault/vault.js')` on first use (issue 18: the popup opens as fast as before when nothing is
 * saved).
 *
 * What is stored, and where:
 * - `chrome.storage.local` `vault`: {@link StoredVault} — in clear only the format version, the key derivation's
 *   name, iterations and salt, the wrapped data key and the number of records; each record is AES-256-GCM ciphertext
 *   under a random id. One key, so that every change is one `set()`: it is written whole or not at all.
 * - `chrome.storage.local` `vaultSettings`: {@link VaultSettings} (the auto-lock minutes; nothing about accounts).
 * - `chrome.storage.session` `vaultSession`: {@link VaultSession} while unlocked — the raw data key and the time of
 *   last use. Session storage is memory only and is emptied when the browser quits (the lock at browser restart).
 * - Never `storage.sync`.
 */

/** The format this code writes. A store with a higher number was written by a newer version and is refused. */
export const VAULT_FORMAT_VERSION = 1;

/** Keys in `chrome.storage.local` and `chrome.storage.session`. */
export const VAULT_KEY = 'vault';
export const VAULT_SETTINGS_KEY = 'vaultSettings';
export const VAULT_SESSION_KEY = 'vaultSession';

/** Auto-lock after this many minutes without use: the default, and the allowed range (issue 18). */
export const AUTO_LOCK_MINUTES_DEFAULT = 15;
export const AUTO_LOCK_MINUTES_MIN = 1;
export const AUTO_LOCK_MINUTES_MAX = 480;

/** The name of the `chrome.alarms` alarm that locks the store on time while no popup is open. */
export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** The part of a `chrome.storage` area the store uses; a parameter so that tests can pass an in-memory fake. */
export interface VaultStorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Bytes as Base64 text (storage holds JSON). */
export type Base64 = string;

/** AES-256-GCM output: a fresh 96-bit IV and the ciphertext with its tag. */
export interface Sealed {
  readonly iv: Base64;
  readonly data: Base64;
}

/** How the passphrase becomes the key-encryption key. */
export interface KeyDerivation {
  readonly name: 'PBKDF2-SHA-256';
  readonly iterations: number;
  /** 16 random bytes. */
  readonly salt: Base64;
}

/** The data key, encrypted with a key derived from the passphrase. */
export interface WrappedKey {
  readonly kdf: KeyDerivation;
  readonly key: Sealed;
}

/** The stored object under {@link VAULT_KEY}. */
export interface StoredVault {
  readonly format: number;
  /** The data key under the current passphrase. */
  readonly wrapped: WrappedKey;
  /**
   * Only between the two writes of a passphrase change: the data key under the new passphrase. Unlocking tries both,
   * so whichever passphrase the user believes in works after a change interrupted halfway; the next unlock with the
   * new one finishes the change.
   */
  readonly pending?: WrappedKey;
  readonly count: number;
  /** Record id (random, says nothing) → the account, encrypted with the data key, its id as additional data. */
  readonly records: Readonly<Record<string, Sealed>>;
}

export interface VaultSettings {
  readonly autoLockMinutes: number;
}

/** What `storage.session` holds while the store is unlocked. Removed on lock. */
export interface VaultSession {
  /** The raw 256-bit data key. */
  readonly key: Base64;
  /** Milliseconds since the epoch of the last use; auto-lock counts from here. */
  readonly lastUsedAt: number;
}

/**
 * The store as the popup sees it before loading any crypto:
 * - `empty`: nothing saved, no store yet (the first save sets it up);
 * - `locked`: `count` accounts saved, unlock needed;
 * - `unlocked`: the data key is in session storage and has not timed out;
 * - `newer-format`: written by a newer version of the extension (refused; `format` says which);
 * - `damaged`: the stored object is not a store this code can read.
 */
export type VaultState =
  | { readonly state: 'empty'; readonly count: 0 }
  | { readonly state: 'locked' | 'unlocked'; readonly count: number }
  | { readonly state: 'newer-format'; readonly count: number; readonly format: number }
  | { readonly state: 'damaged'; readonly count: number };

/** The auto-lock setting from storage, or the default when missing or out of range. */
export function toAutoLockMinutes(stored: unknown): number {
  const minutes = (stored as Partial<VaultSettings> | undefined)?.autoLockMinutes;
  return Number.isInteger(minutes) && (minutes as number) >= AUTO_LOCK_MINUTES_MIN && (minutes as number) <= AUTO_LOCK_MINUTES_MAX ? (minutes as number) : AUTO_LOCK_MINUTES_DEFAULT;
}

/** True when a session last used at `lastUsedAt` has outlived the auto-lock setting at `now`. */
export function sessionExpired(lastUsedAt: number, autoLockMinutes: number, now: number): boolean {
  return !(now - lastUsedAt < autoLockMinutes * 60_000) || now < lastUsedAt - 60_000;
}

/**
 * The store's state, reading storage only (no crypto, no decryption): cheap enough for the popup's first paint.
 * An expired session counts as locked (the store's code removes it on next use, the alarm on time).
 */
export async function readVaultState(local: VaultStorageArea, session: VaultStorageArea, now: number = Date.now()): Promise<VaultState> {
  const [stored, sessionItems] = await Promise.all([local.get([VAULT_KEY, VAULT_SETTINGS_KEY]), session.get(VAULT_SESSION_KEY)]);
  const vault = stored[VAULT_KEY] as Partial<StoredVault> | undefined;
  if (vault === undefined) return { state: 'empty', count: 0 };
  const count = typeof vault?.count === 'number' && Number.isSafeInteger(vault.count) && vault.count >= 0 ? vault.count : 0;
  if (typeof vault?.format === 'number' && vault.format > VAULT_FORMAT_VERSION) return { state: 'newer-format', count, format: vault.format };
  // A shallow look only (vault.ts checks the rest when it opens the store): enough to offer Delete all at once.
  if (vault?.format !== VAULT_FORMAT_VERSION || typeof vault.wrapped !== 'object' || vault.wrapped === null || typeof vault.records !== 'object' || vault.records === null) return { state: 'damaged', count };
  const active = sessionItems[VAULT_SESSION_KEY] as Partial<VaultSession> | undefined;
  const unlocked = typeof active?.key === 'string' && typeof active.lastUsedAt === 'number' && !sessionExpired(active.lastUsedAt, toAutoLockMinutes(stored[VAULT_SETTINGS_KEY]), now);
  return { state: unlocked ? 'unlocked' : 'locked', count };
}

/** The change events of `chrome.storage` (all areas), as a page listens to them. */
export interface VaultStorageChanges {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/**
 * Calls `changed` whenever the store, its settings or the unlocked session change — a save from another popup, Lock,
 * auto-lock by the background's alarm, Delete all — so an open popup can read {@link readVaultState} again and show
 * the locked view the moment the store locks. (It says only *that* something changed: nothing is in the event.)
 */
export function onVaultChange(changes: VaultStorageChanges, changed: () => void): void {
  changes.addListener((items, areaName) => {
    if ((areaName === 'local' && (VAULT_KEY in items || VAULT_SETTINGS_KEY in items)) || (areaName === 'session' && VAULT_SESSION_KEY in items)) changed();
  });
}
