/**
 * Sealing a TOTP secret for the site's database: AES-256-GCM through WebCrypto, so that a copy of the database
 * without the key reveals no secret, and a sealed secret moved to another account's row does not open.
 *
 * The sealed form is one string:
 *
 *     v1.<base64url(nonce ‖ ciphertext ‖ tag)>
 *
 * - `v1.`: the format's version; another version is refused, never guessed at.
 * - nonce: 12 random bytes (96 bits, GCM's native size), fresh from `crypto.getRandomValues` for every seal.
 * - ciphertext: the secret's raw bytes (not its Base32), encrypted; as long as the secret.
 * - tag: GCM's 16-byte (128-bit) authentication tag.
 * - Base64url (RFC 4648 §5) without padding.
 * - Associated data: the UTF-8 bytes of `v1.` followed by the account id. It is authenticated, not stored: opening
 *   needs the same account id, so a row copied to another account fails as surely as a changed byte or a wrong key.
 *
 * The key is a 256-bit AES key from outside the database (an environment variable, a secrets manager): see
 * {@link importSealingKey}. Any AES-256-GCM implementation opens these values; the tests do it with Node's
 * `createDecipheriv('aes-256-gcm')`.
 */
import { base64, base64nopad, base64url, base64urlnopad } from '@scure/base';
import { SealedSecretError, TotpParameterError } from './errors.js';
import { encodeBase32, parseSecret, SECRET_BYTES_MAX, STRONG_SECRET_BYTES, type Secret } from './secret.js';

export const SEALED_SECRET_VERSION = 'v1';
const PREFIX = `${SEALED_SECRET_VERSION}.`;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

const KEY_ALLOWED = 'a 256-bit AES key: 32 random bytes in Base64 (44 characters, e.g. from `openssl rand -base64 32`)';

/** Whose secret it is: bound to the sealed value as GCM's associated data. */
export interface SealOptions {
  /** A stable, unique id of the account (its primary key rather than an e-mail address that may change). */
  accountId: string;
}

/**
 * The sealing key as a non-extractable WebCrypto key, from 32 bytes or their Base64 / Base64url text (how an
 * environment variable holds it). Import once at start-up and reuse it.
 *
 * @throws {TotpParameterError} naming `key` when it is not 32 bytes; the message never contains the key.
 */
export async function importSealingKey(key: string | Uint8Array): Promise<CryptoKey> {
  const bytes = typeof key === 'string' ? decodeKeyText(key.trim()) : key instanceof Uint8Array ? key : undefined;
  if (bytes?.length !== KEY_BYTES) {
    const what = bytes ? `${bytes.length} bytes` : typeof key === 'string' ? 'text that is not Base64' : typeof key;
    throw new TotpParameterError('key', undefined, KEY_ALLOWED, `got ${what}`);
  }
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/**
 * Seals a secret (Base32 text as the element submits it, or its bytes) for one account.
 *
 * @returns `v1.…`: 67 characters for a 20-byte secret (3 + 64 Base64url characters for 12 + 20 + 16 bytes).
 * @throws {TotpParameterError} naming `secret`, `key` or `accountId` when one is unusable.
 */
export async function sealSecret(secret: string | Uint8Array, key: CryptoKey, { accountId }: SealOptions): Promise<string> {
  const bytes = typeof secret === 'string' ? parseSecret(secret).bytes : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > SECRET_BYTES_MAX) {
    throw new TotpParameterError('secret', bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof secret, `Base32 text or 1 to ${SECRET_BYTES_MAX} bytes`);
  }
  checkKey(key, 'encrypt');
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: associatedData(accountId), tagLength: TAG_BYTES * 8 }, key, new Uint8Array(bytes)),
  );
  const blob = new Uint8Array(NONCE_BYTES + sealed.length);
  blob.set(nonce);
  blob.set(sealed, NONCE_BYTES);
  return PREFIX + base64urlnopad.encode(blob);
}

/**
 * Opens a sealed secret: the secret's bytes and Base32, ready for the code functions.
 *
 * @throws {SealedSecretError} when it is not a sealed secret (`format`), of an unknown version (`version`), or does
 *   not open (`unopened`: another key, another account's record, or a changed character) — never a wrong secret.
 * @throws {TotpParameterError} naming `key` or `accountId` when one is unusable.
 */
export async function openSecret(sealed: string, key: CryptoKey, { accountId }: SealOptions): Promise<Secret> {
  checkKey(key, 'decrypt');
  const additionalData = associatedData(accountId);
  if (typeof sealed !== 'string') throw new SealedSecretError('format', 'the sealed secret is not a string');
  const version = /^(v[0-9]+)\./.exec(sealed)?.[1];
  if (version === undefined) throw new SealedSecretError('format', `a sealed secret starts with "${PREFIX}"`);
  if (version !== SEALED_SECRET_VERSION) throw new SealedSecretError('version', `sealed with format ${version}; this version opens ${SEALED_SECRET_VERSION} only`);
  let blob: Uint8Array<ArrayBuffer>;
  try {
    blob = new Uint8Array(base64urlnopad.decode(sealed.slice(PREFIX.length)));
  } catch {
    throw new SealedSecretError('format', 'the sealed secret is not canonical Base64url after its prefix');
  }
  if (blob.length < NONCE_BYTES + 1 + TAG_BYTES) throw new SealedSecretError('format', 'the sealed secret is too short to hold a secret');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(
      await globalThis.crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: blob.subarray(0, NONCE_BYTES), additionalData, tagLength: TAG_BYTES * 8 },
        key,
        blob.subarray(NONCE_BYTES),
      ),
    );
  } catch {
    // WebCrypto says only "OperationError": GCM cannot tell a wrong key from a changed byte, and must not try.
    throw new SealedSecretError('unopened', 'the sealed secret does not open with this key for this account: a different key, another account\'s record, or a changed value');
  }
  return { bytes, base32: encodeBase32(bytes), weak: bytes.length < STRONG_SECRET_BYTES };
}

function associatedData(accountId: string): Uint8Array<ArrayBuffer> {
  const allowed = 'a non-empty string of well-formed Unicode that identifies the account for good (e.g. its primary key)';
  if (typeof accountId !== 'string' || accountId === '') throw new TotpParameterError('accountId', accountId, allowed);
  // TextEncoder turns every lone surrogate into U+FFFD, so ids differing only there would seal alike: "a\uD800" and
  // "a\uDC00" would open each other's secrets.
  if (!isWellFormed(accountId)) throw new TotpParameterError('accountId', accountId, allowed, 'holds a lone surrogate (not well-formed UTF-16)');
  return new TextEncoder().encode(PREFIX + accountId);
}

/** String.prototype.isWellFormed, which Node 20.0–20.x and older browsers lack. */
function isWellFormed(text: string): boolean {
  return !/\p{Surrogate}/u.test(text);
}

function checkKey(key: CryptoKey, usage: 'encrypt' | 'decrypt'): void {
  const algorithm = (key as CryptoKey | undefined)?.algorithm as AesKeyAlgorithm | undefined;
  if (algorithm?.name !== 'AES-GCM' || algorithm.length !== KEY_BYTES * 8 || !key.usages.includes(usage)) {
    throw new TotpParameterError('key', undefined, `a 256-bit AES-GCM CryptoKey that may ${usage}, from importSealingKey`, 'is not one');
  }
}

function decodeKeyText(text: string): Uint8Array | undefined {
  for (const coder of [base64, base64nopad, base64url, base64urlnopad]) {
    try {
      return coder.decode(text);
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}
