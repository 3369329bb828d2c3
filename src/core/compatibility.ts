/**
 * Which common authenticator apps mishandle non-default settings, so that a UI can warn in plain words before a
 * user scans a code that their app will get wrong.
 *
 * Source: the compatibility matrix in the project's domain notes (apps' own issue trackers and docs). Only
 * SHA1 / 6 digits / 30 s is safe everywhere.
 */
import type { TotpParameters } from './parameters.js';

export type Setting = 'algorithm' | 'digits' | 'period';

/**
 * - `wrong-codes`: the app accepts the QR but silently uses the default, so its codes never match.
 * - `refuses`: the app rejects the QR code.
 * - `unsupported`: the app does not support the setting (it refuses or shows wrong codes, depending on version).
 */
export type Effect = 'wrong-codes' | 'refuses' | 'unsupported';

export interface AppProblem {
  readonly app: string;
  readonly setting: Setting;
  readonly effect: Effect;
}

type Settings = Pick<TotpParameters, 'digits' | 'period' | 'algorithm'>;

interface Rule {
  readonly app: string;
  readonly setting: Setting;
  readonly effect: Effect;
  readonly fails: (settings: Settings) => boolean;
}

const notSha1 = (s: Settings) => s.algorithm !== 'SHA1';
const not30 = (s: Settings) => s.period !== 30;

const RULES: readonly Rule[] = [
  { app: 'Google Authenticator', setting: 'period', effect: 'wrong-codes', fails: not30 },
  { app: 'Google Authenticator (older Android versions)', setting: 'algorithm', effect: 'wrong-codes', fails: notSha1 },
  { app: 'Google Authenticator (older Android versions)', setting: 'digits', effect: 'wrong-codes', fails: (s) => s.digits !== 6 },
  { app: 'Google Authenticator (older Android versions)', setting: 'period', effect: 'wrong-codes', fails: not30 },
  { app: 'Microsoft Authenticator', setting: 'algorithm', effect: 'unsupported', fails: notSha1 },
  { app: 'Authy', setting: 'algorithm', effect: 'unsupported', fails: notSha1 },
  { app: 'Authy', setting: 'period', effect: 'wrong-codes', fails: not30 },
  { app: '2FAS', setting: 'period', effect: 'refuses', fails: (s) => ![10, 30, 60, 90].includes(s.period) },
  { app: 'Authenticator (browser extension)', setting: 'period', effect: 'wrong-codes', fails: (s) => 60 % s.period !== 0 },
];

/** The known problems of common apps with these settings; empty for SHA1 / 6 / 30. Grouped by app, in a fixed order. */
export function compatibilityProblems(settings: Settings): AppProblem[] {
  return RULES.filter((rule) => rule.fails(settings)).map(({ app, setting, effect }) => ({ app, setting, effect }));
}

/** Apps known to handle every setting this project can produce (SHA1/256/512, 6 or 8 digits, 10-120 s). */
export const FULLY_COMPATIBLE_APPS = ['Aegis', 'Ente Auth', 'Bitwarden'] as const;
