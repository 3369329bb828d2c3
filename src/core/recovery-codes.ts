/**
 * Recovery codes: one-time codes a person keeps on paper, to sign in when their authenticator app is gone.
 *
 * Each code is `length` characters from a 32-symbol alphabet without look-alikes, drawn uniformly from
 * `crypto.getRandomValues`: 5 bits a character, so the default 12 characters carry 60 bits. They are shown grouped
 * for reading (`7KQM-D2XH-9PWB`) and accepted in any case, with or without spaces and dashes. A site stores only their
 * hashes ({@link hashRecoveryCode} in recovery-code-hash.ts).
 */
import { TotpParameterError } from './errors.js';
import { uniformIndexes } from './uniform-random.js';

/**
 * Digits 2–9 and the letters A–Z without I and O: no 0/O and no 1/I/l to confuse, and upper case, so that no
 * lower-case l appears either. 32 symbols, 5 bits each.
 */
export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECOVERY_CODE_BITS_PER_CHARACTER = Math.log2(RECOVERY_CODE_ALPHABET.length);

export const RECOVERY_CODE_COUNT_MIN = 1;
export const RECOVERY_CODE_COUNT_MAX = 20;
export const RECOVERY_CODE_COUNT_DEFAULT = 10;
export const RECOVERY_CODE_LENGTH_MIN = 8;
export const RECOVERY_CODE_LENGTH_MAX = 16;
/** 12 × 5 = 60 bits: no alphabet a person can type in either case has the 64 symbols that 60 bits in 10 would need. */
export const RECOVERY_CODE_LENGTH_DEFAULT = 12;

export const RECOVERY_CODE_COUNT_ALLOWED = `a whole number from ${RECOVERY_CODE_COUNT_MIN} to ${RECOVERY_CODE_COUNT_MAX}`;
const LENGTH_ALLOWED = `a whole number of characters from ${RECOVERY_CODE_LENGTH_MIN} to ${RECOVERY_CODE_LENGTH_MAX}`;

export interface RecoveryCodeOptions {
  /** How many codes, 1 to 20; default 10. */
  count?: number;
  /** Characters per code (without the dashes), 8 to 16; default 12 (60 bits). */
  length?: number;
}

/**
 * `count` distinct recovery codes, grouped for reading (`7KQM-D2XH-9PWB`).
 *
 * @throws {TotpParameterError} naming `count` or `length` when out of range; nothing is generated then.
 */
export function generateRecoveryCodes(options: RecoveryCodeOptions = {}): string[] {
  const { count = RECOVERY_CODE_COUNT_DEFAULT, length = RECOVERY_CODE_LENGTH_DEFAULT } = options;
  checkRecoveryCodeCount(count);
  if (!Number.isSafeInteger(length) || length < RECOVERY_CODE_LENGTH_MIN || length > RECOVERY_CODE_LENGTH_MAX) {
    throw new TotpParameterError('length', length, LENGTH_ALLOWED);
  }
  // Two equal codes among 20 of 60 bits is a 1-in-10^16 event; drawing again keeps the promise without hoping.
  const codes = new Set<string>();
  while (codes.size < count) {
    const characters = uniformIndexes(length, RECOVERY_CODE_ALPHABET.length).map((index) => RECOVERY_CODE_ALPHABET[index]!);
    codes.add(formatRecoveryCode(characters.join('')));
  }
  return [...codes];
}

/**
 * @throws {TotpParameterError} naming `field` unless `count` is a whole number from 1 to 20.
 */
export function checkRecoveryCodeCount(count: number, field = 'count'): void {
  if (!Number.isSafeInteger(count) || count < RECOVERY_CODE_COUNT_MIN || count > RECOVERY_CODE_COUNT_MAX) {
    throw new TotpParameterError(field, count, RECOVERY_CODE_COUNT_ALLOWED);
  }
}

/**
 * Spaces, dashes of any kind (word processors turn `-` into `–`), the minus sign U+2212, and the invisible characters
 * that copying from documents and web pages leaves in: soft hyphen, zero-width space/joiners, word joiner, BOM.
 */
const IGNORED_IN_RECOVERY_CODES = /[\s\p{Pd}\u2212\u00ad\u200b-\u200d\u2060\ufeff]+/gu;

/**
 * A code as people may type it, reduced to its characters: upper case, without spaces, dashes or invisible
 * characters. Full-width characters from phone keyboards become ordinary ones.
 *
 * @throws {TotpParameterError} naming `code` when `text` is not a string.
 */
export function normalizeRecoveryCode(text: string): string {
  // The value stays out of the message: it may be a real code.
  if (typeof text !== 'string') throw new TotpParameterError('code', typeof text, 'a recovery code as a string', `got ${typeof text === 'object' ? 'an object' : typeof text}`);
  return text.normalize('NFKC').replace(IGNORED_IN_RECOVERY_CODES, '').toUpperCase();
}

/** True when `normalized` (from {@link normalizeRecoveryCode}) could be a recovery code: alphabet and length. */
export function isNormalizedRecoveryCode(normalized: string): boolean {
  return (
    normalized.length >= RECOVERY_CODE_LENGTH_MIN &&
    normalized.length <= RECOVERY_CODE_LENGTH_MAX &&
    [...normalized].every((character) => RECOVERY_CODE_ALPHABET.includes(character))
  );
}

/**
 * Groups of four or five, as even as possible, the longer ones first: `XXXX-XXXX` (8), `XXXXX-XXXXX` (10),
 * `XXXX-XXXX-XXXX` (12), `XXXXX-XXXX-XXXX` (13), `XXXX-XXXX-XXXX-XXXX` (16).
 */
export function formatRecoveryCode(normalized: string): string {
  const groups = Math.ceil(normalized.length / 5);
  const base = Math.floor(normalized.length / groups);
  const longer = normalized.length % groups;
  const parts: string[] = [];
  let start = 0;
  for (let group = 0; group < groups; group++) {
    const size = base + (group < longer ? 1 : 0);
    parts.push(normalized.slice(start, start + size));
    start += size;
  }
  return parts.join('-');
}

export interface RecoveryCodesTextOptions {
  /** The first line, e.g. `Recovery codes for MyApp (user@example.com)`; in the reader's language. */
  title?: string;
  /** What the codes are for and how to keep them, one paragraph. */
  note?: string;
}

/**
 * The codes as a plain-text file, for a Download (.txt) or Print button: the title, the note, then one code a line.
 * Lines end with `\n`; the text ends with one.
 */
export function recoveryCodesText(codes: readonly string[], { title = 'Recovery codes', note = RECOVERY_CODES_NOTE }: RecoveryCodesTextOptions = {}): string {
  return `${title}\n\n${note}\n\n${codes.join('\n')}\n`;
}

const RECOVERY_CODES_NOTE = 'Each code signs you in once, without your authenticator app. Keep them somewhere safe, apart from your phone.';
