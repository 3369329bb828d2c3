/**
 * The enrollment parameters and their limits: the hosted API's contract, validated in one place.
 */
import { TotpParameterError } from './errors.js';

export const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const DIGITS = [6, 8] as const;
export type Digits = (typeof DIGITS)[number];

export const PERIOD_MIN = 10;
export const PERIOD_MAX = 120;

/** The universal defaults: the only combination every authenticator app handles. */
export const DEFAULT_PARAMETERS = { digits: 6, period: 30, algorithm: 'SHA1' } as const;

/** Validated, normalised parameters of one enrollment. */
export interface TotpParameters {
  /** Who the account is with, e.g. `MyApp`. Empty when not given. */
  readonly issuer: string;
  /** The account at the issuer, e.g. `user@example.com`. */
  readonly accountName: string;
  readonly digits: Digits;
  /** Seconds per step. */
  readonly period: number;
  readonly algorithm: Algorithm;
}

/**
 * Parameters as they arrive from callers: attributes, query strings and flags are strings, so numbers may come as
 * decimal strings. Anything else is refused by {@link parseParameters}.
 */
export interface TotpParametersInput {
  issuer?: string | null | undefined;
  accountName?: string | null | undefined;
  digits?: number | string | null | undefined;
  period?: number | string | null | undefined;
  algorithm?: string | null | undefined;
}

/**
 * Validates every parameter and fills in the defaults.
 *
 * @throws {TotpParameterError} for the first invalid field, naming it, the value and what is allowed.
 */
export function parseParameters(input: TotpParametersInput): TotpParameters {
  if (typeof input !== 'object' || input === null) throw new TotpParameterError('options', input, 'an object of parameters, e.g. { accountName: "user@example.com" }');
  return {
    issuer: parseLabelPart('issuer', input.issuer ?? '', false),
    accountName: parseLabelPart('accountName', input.accountName ?? '', true),
    digits: parseDigits(input.digits),
    period: parsePeriod(input.period),
    algorithm: parseAlgorithm(input.algorithm),
  };
}

/** True when an authenticator app may show wrong codes or refuse the enrollment: anything but SHA1 / 6 / 30. */
export function hasCustomSettings(parameters: Pick<TotpParameters, 'digits' | 'period' | 'algorithm'>): boolean {
  return (
    parameters.digits !== DEFAULT_PARAMETERS.digits ||
    parameters.period !== DEFAULT_PARAMETERS.period ||
    parameters.algorithm !== DEFAULT_PARAMETERS.algorithm
  );
}

/** Longer than the largest QR code's 2,953 bytes: no Key URI holding such a label could be scanned. */
export const LABEL_TEXT_MAX = 4096;

/** Control characters (NUL, line breaks, DEL…) and the bidi embeddings, overrides and isolates U+202A–E, U+2066–9. */
const UNSHOWABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

function parseLabelPart(field: string, value: unknown, required: boolean): string {
  const allowed = `${required ? 'a non-empty' : 'a'} string without a colon (":"), control or bidi-override characters`;
  if (typeof value !== 'string') throw new TotpParameterError(field, value, allowed);
  // Refused before any other work: no label this long fits a QR code's Key URI, whatever createEnrollment would find.
  if (value.length > LABEL_TEXT_MAX) {
    throw new TotpParameterError(field, value, `${allowed}, short enough for a QR code (at most ${LABEL_TEXT_MAX} characters)`, `is ${value.length} characters long`);
  }
  const trimmed = value.trim();
  if (required && trimmed === '') throw new TotpParameterError(field, value, allowed, 'is required');
  // The Key URI Format separates issuer and account with a colon; apps split on the first one they find.
  if (trimmed.includes(':')) throw new TotpParameterError(field, value, allowed, `${JSON.stringify(value)} contains a colon`);
  // A label is shown to people (apps, the popup): U+202E can make "evil.example" read as another issuer, and a NUL
  // or newline cuts or splits it.
  const unshowable = UNSHOWABLE.exec(trimmed);
  if (unshowable) {
    const code = `U+${unshowable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new TotpParameterError(field, value, allowed, `contains ${code}, a control or bidi-override character`);
  }
  // A lone surrogate cannot be written as UTF-8, so no URI could carry it (encodeURIComponent throws URIError).
  if (/\p{Surrogate}/u.test(trimmed)) throw new TotpParameterError(field, value, allowed, 'contains a lone surrogate (not well-formed Unicode)');
  return trimmed;
}

function parseDigits(value: unknown): Digits {
  if (value === undefined || value === null || value === '') return DEFAULT_PARAMETERS.digits;
  const digits = parseInteger(value);
  if (digits !== 6 && digits !== 8) throw new TotpParameterError('digits', value, '6 or 8');
  return digits;
}

function parsePeriod(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_PARAMETERS.period;
  const period = parseInteger(value);
  if (period === undefined || period < PERIOD_MIN || period > PERIOD_MAX) {
    throw new TotpParameterError('period', value, `a whole number of seconds from ${PERIOD_MIN} to ${PERIOD_MAX}`);
  }
  return period;
}

function parseAlgorithm(value: unknown): Algorithm {
  if (value === undefined || value === null || value === '') return DEFAULT_PARAMETERS.algorithm;
  // Exact spellings only: apps that meet "SHA-1" or "sha256" in a URI refuse it or silently fall back to SHA1.
  if (typeof value === 'string' && (ALGORITHMS as readonly string[]).includes(value)) return value as Algorithm;
  throw new TotpParameterError('algorithm', value, ALGORITHMS.join(', '));
}

/** A safe integer, from a number or a string of decimal digits only ("30s", "30.0" and " 30" are not integers). */
function parseInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^[0-9]{1,6}$/.test(value)) return Number(value);
  return undefined;
}
