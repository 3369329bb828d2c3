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

/** Why a code was refused: not a code at all, not this secret's code nearby, or a code already used. */
export type VerificationFailure = 'format' | 'mismatch' | 'replayed';

/**
 * The answer of {@link verifyCode}. Without `afterStep` it is never `replayed`, which the type says.
 */
export type Verification<Failure extends VerificationFailure = VerificationFailure> =
  | {
      readonly valid: true;
      /** Steps between the matching code and `timestamp`'s step: -1 is the previous code. */
      readonly offset: number;
      /** The matching code's time step (RFC 6238's T): store it, and pass it as `afterStep` next time. */
      readonly step: number;
    }
  | {
      readonly valid: false;
      /** `format` when the input is not `digits` digits at all; `replayed` when it matched a step at or before `afterStep`. */
      readonly reason: Failure;
    };

export interface VerifyOptions {
  /** Steps accepted either side of now, 0 to 10; default 1 (RFC 6238 §5.2: at most one step of delay). */
  window?: number;
  /** The moment to verify for, in milliseconds; default now. */
  timestamp?: number;
}

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

/** What otplib needs for both generating and verifying: the secret, the parameters and the moment. */
function otplibOptions(options: CodeOptions, timestamp: number) {
  return {
    secret: options.secret,
    crypto,
    guardrails,
    algorithm: OTPLIB_ALGORITHM[options.algorithm],
    digits: options.digits,
    period: options.period,
    epoch: Math.floor(timestamp / 1000),
  };
}

/** The code for `timestamp`, zero-padded to `digits`. */
export async function generateCode(options: CodeOptions, timestamp: number = Date.now()): Promise<string> {
  return generate(otplibOptions(options, timestamp));
}

/**
 * Checks a code a person typed (spaces ignored) against the steps within ±`window` of `timestamp`'s step,
 * in constant time per candidate, and reports which step matched.
 *
 * With `afterStep` (the `step` of this account's last accepted code), only codes of later steps are accepted: a code
 * that matches a step at or before it is refused as `replayed` (RFC 6238 §5.2: a verified code must not be accepted
 * again). Store the returned `step` after every successful sign-in, atomically with the check.
 */
export async function verifyCode(options: CodeOptions, code: string, settings?: VerifyOptions & { afterStep?: undefined }): Promise<Verification<'format' | 'mismatch'>>;
export async function verifyCode(options: CodeOptions, code: string, settings: VerifyOptions & { afterStep: number | undefined }): Promise<Verification>;
export async function verifyCode(
  options: CodeOptions,
  code: string,
  { window = 1, timestamp = Date.now(), afterStep }: VerifyOptions & { afterStep?: number | undefined } = {},
): Promise<Verification> {
  if (!Number.isSafeInteger(window) || window < 0 || window > VERIFY_WINDOW_MAX) {
    throw new TotpParameterError('window', window, `a whole number of steps from 0 to ${VERIFY_WINDOW_MAX}`);
  }
  if (afterStep !== undefined && (!Number.isSafeInteger(afterStep) || afterStep < 0)) {
    throw new TotpParameterError('afterStep', afterStep, 'a time step returned by an earlier verification (a whole number from 0), or nothing');
  }
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^[0-9]{${options.digits}}$`).test(token)) return { valid: false, reason: 'format' };
  const check = (after: number | undefined) =>
    verify({ ...otplibOptions(options, timestamp), token, epochTolerance: window * options.period, afterTimeStep: after });
  // otplib skips the steps up to afterStep, and refuses an afterStep beyond the window (a clock that went back):
  // then no step of the window is new, and the only question left is whether this was a replay.
  const lastInWindow = timeStep(options.period, timestamp) + window;
  const fresh = afterStep === undefined || afterStep < lastInWindow ? await check(afterStep) : { valid: false as const };
  if (fresh.valid) return { valid: true, offset: fresh.delta, step: fresh.timeStep };
  // Only on failure, a second look without the bound tells a replayed code from a wrong one.
  if (afterStep !== undefined && (await check(undefined)).valid) return { valid: false, reason: 'replayed' };
  return { valid: false, reason: 'mismatch' };
}
