/**
 * Storing recovery codes as hashes: a site keeps `hashRecoveryCode(code)` and never the code, and checks a typed code
 * with `checkRecoveryCode` (or `findRecoveryCode` over an account's list), then deletes the hash it matched.
 *
 * The hash is PBKDF2-HMAC-SHA-256 from WebCrypto with a random 16-byte salt per code, written as a PHC string:
 *
 *     $pbkdf2-sha256$i=100000$<salt>$<hash>
 *
 * salt (16 bytes) and hash (32 bytes) in standard Base64 without padding. The input is the normalised code (upper
 * case, no spaces or dashes) as UTF-8. The parameters travel with each hash, so the iteration count can be raised
 * later and old hashes still check.
 *
 * Why 100,000 iterations and not the 600,000 OWASP asks for passwords: a recovery code is not a password a person
 * chose, but 60 random bits. Finding one from a stolen hash is a search of 2^60 codes at 100,000 HMAC pairs each —
 * about 2^77 SHA-256 runs per code — while a sign-in that checks ten hashes stays well under a second.
 */
import { base64nopad } from '@scure/base';
import { TotpParameterError } from './errors.js';
import { isNormalizedRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH_MAX, RECOVERY_CODE_LENGTH_MIN } from './recovery-codes.js';

export const RECOVERY_CODE_HASH_ITERATIONS = 100_000;
export const RECOVERY_CODE_HASH_ITERATIONS_MAX = 10_000_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

const ITERATIONS_ALLOWED = `a whole number from ${thousands(RECOVERY_CODE_HASH_ITERATIONS)} to ${thousands(RECOVERY_CODE_HASH_ITERATIONS_MAX)}`;
const HASH_ALLOWED = 'a hash made by hashRecoveryCode: $pbkdf2-sha256$i=ITERATIONS$SALT$HASH';
const PHC = /^\$pbkdf2-sha256\$i=([0-9]{1,8})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

/**
 * The hash to store for a recovery code: salted PBKDF2-SHA-256 of the normalised code, as a PHC string.
 *
 * @param iterations 100,000 (the default) up to 10,000,000.
 * @throws {TotpParameterError} naming `code` when it is not a recovery code (8–16 characters of the alphabet, spaces
 *   and dashes aside), or `iterations` when out of range.
 */
export async function hashRecoveryCode(code: string, { iterations = RECOVERY_CODE_HASH_ITERATIONS }: { iterations?: number } = {}): Promise<string> {
  const normalized = typeof code === 'string' ? normalizeRecoveryCode(code) : '';
  if (!isNormalizedRecoveryCode(normalized)) {
    // The value is left out of the message: it may be a real code, and messages end up in logs.
    throw new TotpParameterError(
      'code',
      undefined,
      `${RECOVERY_CODE_LENGTH_MIN} to ${RECOVERY_CODE_LENGTH_MAX} of the characters ${RECOVERY_CODE_ALPHABET} (case, spaces and dashes are ignored)`,
      'is not a recovery code',
    );
  }
  if (!Number.isSafeInteger(iterations) || iterations < RECOVERY_CODE_HASH_ITERATIONS || iterations > RECOVERY_CODE_HASH_ITERATIONS_MAX) {
    throw new TotpParameterError('iterations', iterations, ITERATIONS_ALLOWED);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2(normalized, salt, iterations);
  return `$pbkdf2-sha256$i=${iterations}$${base64nopad.encode(salt)}$${base64nopad.encode(hash)}`;
}

/**
 * Whether `code` (as typed: any case, spaces and dashes allowed) is the one `hash` was made from. The comparison
 * takes the same time wherever the bytes differ.
 *
 * @throws {TotpParameterError} naming `hash` when it is not a hash from {@link hashRecoveryCode}.
 */
export async function checkRecoveryCode(code: string, hash: string): Promise<boolean> {
  const { iterations, salt, expected } = parseHash(hash);
  const normalized = typeof code === 'string' ? normalizeRecoveryCode(code) : '';
  if (!isNormalizedRecoveryCode(normalized)) return false;
  return constantTimeEqual(await pbkdf2(normalized, salt, iterations), expected);
}

/**
 * Which of an account's stored hashes `code` matches: its index, or -1. Every hash is checked (in parallel), so the
 * time taken does not say where in the list a code was.
 *
 * @throws {TotpParameterError} naming `hash` when one of them is not a hash from {@link hashRecoveryCode}.
 */
export async function findRecoveryCode(code: string, hashes: readonly string[]): Promise<number> {
  const matches = await Promise.all(hashes.map((hash) => checkRecoveryCode(code, hash)));
  return matches.indexOf(true);
}

function parseHash(hash: string): { iterations: number; salt: Uint8Array; expected: Uint8Array } {
  const match = typeof hash === 'string' ? PHC.exec(hash) : null;
  if (!match) throw new TotpParameterError('hash', hash, HASH_ALLOWED);
  const iterations = Number(match[1]);
  if (iterations < RECOVERY_CODE_HASH_ITERATIONS || iterations > RECOVERY_CODE_HASH_ITERATIONS_MAX) {
    throw new TotpParameterError('hash', hash, HASH_ALLOWED, `has ${iterations} iterations; expected ${ITERATIONS_ALLOWED}`);
  }
  try {
    return { iterations, salt: base64nopad.decode(match[2]!), expected: base64nopad.decode(match[3]!) };
  } catch {
    // 22 and 43 characters leave spare bits, which a canonical encoding keeps at zero.
    throw new TotpParameterError('hash', hash, HASH_ALLOWED, 'is not canonical Base64');
  }
}

async function pbkdf2(normalized: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(normalized), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, HASH_BYTES * 8));
}

/** Equal-length byte arrays compared without an early exit: the time does not depend on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/**
 * `100000` as `100,000`. Not `toLocaleString`: this runs when the module is evaluated, in every page that loads the
 * core, and a page's first use of Intl's number formatting costs tens of milliseconds in Chromium.
 */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
