/**
 * One-time codes: RFC 6238 TOTP through otplib, with WebCrypto's HMAC.
 *
 * Time is always a parameter (`timestamp`, milliseconds since the Unix epoch, defaulting to now) so that the RFC
 * vectors and the element's clock can drive it; nothing below reads the clock on its own.
 */
import { generate, verify } from '@otplib/totp';
import { createGuardrails, type HashAlgorithm } from '@otplib/core';
import { crypto } from '@otplib/plugin-crypto-web';
import { TotpParameterError } from './errors.js';
import type { Algorithm, TotpParameters } from './parameters.js';

/** What a code depends on: the secret's bytes and the three code parameters. */
export interface CodeOptions extends Pick<TotpParameters, 'digits' | 'period' | 'algorithm'> {
  readonly secret: Uint8Array;
}

export const VERIFY_WINDOW_MAX = 10;

export type Verification =
  | { readonly valid: true; /** Steps between the matching code and `timestamp`'s step: -1 is the previous code. */ readonly offset: number }
  | { readonly valid: false; /** `format` when the input is not `digits` digits at all. */ readonly reason: 'format' | 'mismatch' };

// otplib refuses secrets under 16 bytes; callers may bring older 80-bit secrets, which we accept and flag as weak.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1 });

const OTPLIB_ALGORITHM: Record<Algorithm, HashAlgorithm> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** The step counter of RFC 6238: floor(unix seconds / period). */
export function timeStep(period: number, timestamp: number = Date.now()): number {
  return Math.floor(timestamp / 1000 / period);
}

/** Milliseconds from `timestamp` until the next step begins (and the code changes); always > 0. */
export function millisecondsUntilNextStep(period: number, timestamp: number = Date.now()): number {
  const stepMs = period * 1000;
  return stepMs - (((timestamp % stepMs) + stepMs) % stepMs);
}

/** Whole seconds left in the current step, as authenticator apps count them (30 … 1). */
export function secondsRemaining(period: number, timestamp: number = Date.now()): number {
  return Math.ceil(millisecondsUntilNextStep(period, timestamp) / 1000);
}

/** The code for `timestamp`, zero-padded to `digits`. */
export async function generateCode(options: CodeOptions, timestamp: number = Date.now()): Promise<string> {
  return generate({
    secret: options.secret,
    crypto,
    guardrails,
    algorithm: OTPLIB_ALGORITHM[options.algorithm],
    digits: options.digits,
    period: options.period,
    epoch: Math.floor(timestamp / 1000),
  });
}

/**
 * Checks a code a person typed (spaces ignored) against the steps within ±`window` of `timestamp`'s step,
 * in constant time per candidate, and reports which step matched.
 */
export async function verifyCode(
  options: CodeOptions,
  code: string,
  { window = 1, timestamp = Date.now() }: { window?: number; timestamp?: number } = {},
): Promise<Verification> {
  if (!Number.isSafeInteger(window) || window < 0 || window > VERIFY_WINDOW_MAX) {
    throw new TotpParameterError('window', window, `a whole number of steps from 0 to ${VERIFY_WINDOW_MAX}`);
  }
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^[0-9]{${options.digits}}$`).test(token)) return { valid: false, reason: 'format' };
  const result = await verify({
    secret: options.secret,
    token,
    crypto,
    guardrails,
    algorithm: OTPLIB_ALGORITHM[options.algorithm],
    digits: options.digits,
    period: options.period,
    epoch: Math.floor(timestamp / 1000),
    epochTolerance: window * options.period,
  });
  return result.valid ? { valid: true, offset: result.delta } : { valid: false, reason: 'mismatch' };
}
