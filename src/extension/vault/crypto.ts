/**
 * The store's cryptography, WebCrypto only (the same calls in Chromium, Firefox and Node ≥ 20):
 * - passphrase → key-encryption key: PBKDF2-SHA-256, {@link PBKDF2_ITERATIONS} iterations, 16 random bytes of salt;
 * - a random 256-bit data key, encrypted ("wrapped") with that key: AES-256-GCM, its own 96-bit IV;
 * - every record encrypted with the data key: AES-256-GCM, a fresh random 96-bit IV each time, the record's id as
 *   additional data, so that a record moved under another id does not open.
 * Why PBKDF2 and not Argon2id: docs/extension.md ("Saved test accounts").
 */
import { base64 } from '@scure/base';
import type { KeyDerivation, Sealed, WrappedKey } from './status.js';

/** OWASP's current figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet). */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const DATA_KEY_BYTES = 32;
/** Additional data of the wrapped data key: it can only ever be opened as this, never as a record. */
const WRAPPED_KEY_AAD = 'totp-enroll vault data key';

const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export const toBase64 = (bytes: Uint8Array): string => base64.encode(bytes);
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(base64.decode(text));

/** The key-encryption key for `passphrase` under `kdf`. */
export async function deriveKey(passphrase: string, kdf: KeyDerivation): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A new key derivation: fresh salt, `iterations`. */
export function newKeyDerivation(iterations: number = PBKDF2_ITERATIONS): KeyDerivation {
  return { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** The AES-GCM key of raw data-key bytes (not extractable: the raw bytes are kept only in session storage). */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, additionalData: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(additionalData) }, key, plaintext);
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The plaintext, or `undefined` when it does not open (wrong key, other additional data, a changed byte, not Base64). */
export async function open(key: CryptoKey, sealed: Sealed, additionalData: string): Promise<Uint8Array | undefined> {
  try {
    const iv = fromBase64(sealed.iv);
    if (iv.length !== IV_BYTES) return undefined;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(additionalData) }, key, fromBase64(sealed.data));
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

/** The data key wrapped under `passphrase` with a fresh derivation. */
export async function wrapDataKey(raw: Uint8Array<ArrayBuffer>, passphrase: string, iterations?: number): Promise<WrappedKey> {
  const kdf = newKeyDerivation(iterations);
  return { kdf, key: await seal(await deriveKey(passphrase, kdf), raw, WRAPPED_KEY_AAD) };
}

/** The raw data key, or `undefined` when `passphrase` is not the one it was wrapped under. */
export async function unwrapDataKey(wrapped: WrappedKey, passphrase: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const raw = await open(await deriveKey(passphrase, wrapped.kdf), wrapped.key, WRAPPED_KEY_AAD);
  return raw && raw.length === DATA_KEY_BYTES ? new Uint8Array(raw) : undefined;
}
