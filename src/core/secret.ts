/**
 * Shared secrets: random generation and the Base32 text form that authenticator apps expect.
 *
 * Secrets are bytes inside the core; Base32 appears only at the edges (URI, display, the caller's input). The codec
 * is RFC 4648 §6 written out (a dozen lines; checked against the RFC's vectors and the `otpauth` package): the
 * library it replaced cost the self-contained element about 0.9 kB gzip for these 20 lines' work.
 */
import { TotpParameterError } from './errors.js';
import type { Algorithm } from './parameters.js';

export const SECRET_BYTES_MIN = 16;
export const SECRET_BYTES_MAX = 64;
/** RFC 4226 R6: a shared secret MUST be at least 128 bits. Shorter ones still work, but are weak. */
export const STRONG_SECRET_BYTES = 16;

/** A secret as both bytes and its canonical Base32 form (upper case, no padding, no spaces). */
export interface Secret {
  readonly bytes: Uint8Array;
  readonly base32: string;
  /** Under 128 bits (RFC 4226 R6). Generated secrets never are. */
  readonly weak: boolean;
}

/** RFC 6238 §5.1: keys SHOULD be as long as the HMAC output. */
export function defaultSecretBytes(algorithm: Algorithm): number {
  return { SHA1: 20, SHA256: 32, SHA512: 64 }[algorithm];
}

/**
 * A new random secret. The bytes come from `crypto.getRandomValues` and nothing else.
 *
 * @param byteLength 16 to 64; defaults to the HMAC output size of `algorithm`.
 */
export function generateSecret(algorithm: Algorithm, byteLength: number = defaultSecretBytes(algorithm)): Secret {
  if (!Number.isSafeInteger(byteLength) || byteLength < SECRET_BYTES_MIN || byteLength > SECRET_BYTES_MAX) {
    throw new TotpParameterError('secretBytes', byteLength, `a whole number of bytes from ${SECRET_BYTES_MIN} to ${SECRET_BYTES_MAX}`);
  }
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(byteLength));
  return { bytes, base32: encodeBase32(bytes), weak: false };
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32 without padding, as otpauth URIs carry it: each 5 bits, most significant first, one character. */
export function encodeBase32(bytes: Uint8Array): string {
  let text = '';
  let bits = 0; // how many of `buffer`'s low bits are not yet written
  let buffer = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 4 + 8 bits are ever pending
    bits += 8;
    for (; bits >= 5; bits -= 5) text += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
  }
  // The last character carries the remaining bits, zero-filled on the right.
  return bits > 0 ? text + BASE32_ALPHABET[(buffer << (5 - bits)) & 31] : text;
}

/**
 * The bytes of unpadded upper-case Base32 whose characters and length were already checked; undefined when the last
 * character has bits set past the last byte (no encoder writes that, so the text was damaged or made up).
 */
function decodeBase32(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0; // how many of `buffer`'s low bits are not yet in a byte
  let buffer = 0;
  let length = 0;
  for (const character of text) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(character)) & 0xfff; // at most 7 + 5 bits are ever pending
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return (buffer & ((1 << bits) - 1)) === 0 ? bytes : undefined;
}

/**
 * The longest secret text read: 64 bytes are 103 Base32 characters, and grouping spaces, hyphens and padding could
 * nearly double that. Anything longer is refused before any other work, so no input costs more than this much.
 */
export const SECRET_TEXT_MAX = 256;

const BASE32_ALLOWED = `Base32 text (letters A-Z and digits 2-7; case, spaces and "=" padding are ignored) of 1 to ${SECRET_BYTES_MAX} bytes, at most ${SECRET_TEXT_MAX} characters in all`;

/**
 * A caller's existing Base32 secret, e.g. one generated server-side. Case-insensitive; spaces, hyphens and `=`
 * padding are tolerated because people paste secrets in the grouped form apps display.
 *
 * @throws {TotpParameterError} with field `secret` for anything that is not valid Base32 or is too long.
 */
export function parseSecret(text: string): Secret {
  if (typeof text !== 'string') throw new TotpParameterError('secret', text, BASE32_ALLOWED);
  if (text.length > SECRET_TEXT_MAX) throw new TotpParameterError('secret', text, BASE32_ALLOWED, `is ${text.length} characters long, over the limit of ${SECRET_TEXT_MAX}`);
  const compact = withoutTrailingPadding(text.replace(/[\s-]+/g, '')).toUpperCase();
  if (compact === '') throw new TotpParameterError('secret', text, BASE32_ALLOWED, 'is empty');
  const bad = /[^A-Z2-7]/.exec(compact);
  if (bad) throw new TotpParameterError('secret', text, BASE32_ALLOWED, `contains ${JSON.stringify(bad[0])}, which is not a Base32 character`);
  // Unpadded Base32 never ends after 1, 3 or 6 characters of an 8-character group.
  if ([1, 3, 6].includes(compact.length % 8)) {
    throw new TotpParameterError('secret', text, BASE32_ALLOWED, `has ${compact.length} characters, a length no Base32 text can have`);
  }
  const bytes = decodeBase32(compact);
  if (!bytes) throw new TotpParameterError('secret', text, BASE32_ALLOWED, 'is not valid Base32 (its last character has bits set past the end)');
  if (bytes.length > SECRET_BYTES_MAX) {
    throw new TotpParameterError('secret', text, BASE32_ALLOWED, `is ${bytes.length} bytes long`);
  }
  return { bytes, base32: encodeBase32(bytes), weak: bytes.length < STRONG_SECRET_BYTES };
}

/**
 * `text` without its trailing `=`s. Not `/=+$/`: V8 tries that regex at every `=` of a run that is not at the end,
 * so `"=".repeat(n) + "A"` took time quadratic in n (3.9 s for n = 100,000).
 */
function withoutTrailingPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  return text.slice(0, end);
}
