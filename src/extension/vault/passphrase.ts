/**
 * Checks on a new passphrase before the store is set up with it (or changed to it): too short and "the two differ"
 * are refusals; a common one is only a warning (issue 18) — the popup asks "use it anyway?".
 */
import { PASSPHRASE_MIN_LENGTH } from './errors.js';

export interface PassphraseCheck {
  /** Why it is refused, or `undefined` when it may be used. */
  readonly problem?: 'passphrase-too-short' | 'passphrase-mismatch';
  /** Set when it is among the passphrases tried first by anyone guessing. */
  readonly warning?: 'common';
}

/**
 * The most used passwords of the public breach lists (lower case), and what they become with the usual digits
 * appended; short enough to ship, long enough to catch what people type first.
 */
const COMMON = new Set([
  'password', 'passw0rd', 'password1', 'password123', 'p@ssw0rd', 'p@ssword', '12345678', '123456789', '1234567890',
  '87654321', '11111111', '00000000', '12341234', '11223344', 'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty12',
  '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'asdfghjkl', 'asdfasdf', 'iloveyou', 'sunshine', 'princess', 'football',
  'baseball', 'welcome1', 'welcome123', 'superman', 'trustno1', 'starwars', 'whatever', 'dragon123', 'letmein1',
  'abc12345', 'abcd1234', 'abcdefgh', 'changeme', 'administrator', 'admin123', 'computer', 'internet', 'monkey123',
  'michael1', 'jennifer', 'master123', 'shadow123', 'secret123', 'testtest', 'test1234', 'testing123', 'passpass',
  'letmein123', 'hello123', 'helloworld', 'mustang1', 'charlie1', 'freedom1', 'whatever1', 'qazwsxedc', 'passphrase',
]);

/** Lower case, and with the repetition patterns "aaaaaaaa", "abcabcabc", "12121212" found too. */
export function isCommonPassphrase(passphrase: string): boolean {
  const lower = passphrase.toLowerCase();
  if (COMMON.has(lower)) return true;
  // One short unit repeated ("aaaaaaaa", "abcabcab", "12121212").
  for (let unit = 1; unit <= 4; unit++) if (lower.length > unit && lower === lower.slice(0, unit).repeat(Math.ceil(lower.length / unit)).slice(0, lower.length)) return true;
  return false;
}

export function checkPassphrase(passphrase: string, repetition: string): PassphraseCheck {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return { problem: 'passphrase-too-short' };
  if (passphrase !== repetition) return { problem: 'passphrase-mismatch' };
  return isCommonPassphrase(passphrase) ? { warning: 'common' } : {};
}
