/**
 * The one error the saved-accounts store throws: a `kind` the popup turns into words (and tests assert on), and the
 * details that kind needs. Never a secret, label or site in it: errors may end up in a console.
 */

export type VaultErrorKind =
  /** The passphrase does not open the store. Nothing changed; no hint about the passphrase. */
  | 'wrong-passphrase'
  /** A passphrase and its repetition differ. */
  | 'passphrase-mismatch'
  /** Under {@link PASSPHRASE_MIN_LENGTH} characters. (A common passphrase is only a warning: see checkPassphrase.) */
  | 'passphrase-too-short'
  /** The operation needs the store unlocked (or auto-lock has just locked it). */
  | 'locked'
  /** No store yet (nothing saved): `create` first. */
  | 'no-store'
  /** `create` on a store that exists. */
  | 'store-exists'
  /** Written by a newer version of the extension (`format`); refused, nothing changed. */
  | 'newer-format'
  /** The stored object is not a store (the whole thing, not one record); only Delete all helps. */
  | 'damaged-store'
  /** One record does not decrypt (`id`): listed as damaged, Delete offered; the others open. */
  | 'damaged-record'
  /** No account with this id. */
  | 'not-found'
  /** The storage quota is full: refused, nothing written. */
  | 'quota-full'
  /** Storage refused the write for another reason: nothing written. */
  | 'storage-failed'
  /** A field of an account (issuer, digits, site, label, …) or a setting is invalid: `field` says which. */
  | 'invalid';

export const PASSPHRASE_MIN_LENGTH = 8;

export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly kind: VaultErrorKind,
    message: string,
    readonly details: { readonly id?: string; readonly format?: number; readonly field?: string } = {},
  ) {
    super(message);
  }
}

/** True for a storage error that means "quota exceeded" (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}
