/**
 * One-time codes: RFC 6238 TOTP, the RFC 4226 HOTP of the time step, on WebCrypto's HMAC.
 *
 * Written out rather than taken from a library: the algorithm is RFC 4226 §5.3's dozen lines, while otplib, which
 * did this before, cost the self-contained element about 3 kB (gzip) in other people's pages, mostly error classes.
 * It is checked against the RFC 4226 and 6238 vectors, `oathtool` and the `otpauth` package (test/core/).
 *
 * Time is always a parameter (`timestamp`, milliseconds since the Unix epoch, defaulting to now) so that the RFC
 * vectors and the element's clock can drive it; nothing below reads the clock on its own.
 */
import { TotpParameterError } from './errors.js';
import { ALGORITHMS, DIGITS, PERIOD_MAX, PERIOD_MIN, type Algorithm, type TotpParameters } from './parameters.js';

/** What a code depends on: the secret's bytes and the three code parameters. */
export interface CodeOptions extends Pick<TotpParameters, 'digits' | 'period' | 'algorithm'> {
  readonly secret: Uint8Array;
}

/**
 * HMAC-`algorithm` of `message` under `key`. WebCrypto's ({@link webCryptoHmac}) by default; Node callers making
 * codes in bulk may pass a synchronous `node:crypto` one, some 25 times cheaper per code.
 */
export type Hmac = (algorithm: Algorithm, key: Uint8Array, message: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** How codes are computed; every field optional. */
export interface CodeImplementation {
  hmac?: Hmac | undefined;
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

export interface VerifyOptions extends CodeImplementation {
  /** Steps accepted either side of now, 0 to 10; default 1 (RFC 6238 §5.2: at most one step of delay). */
  window?: number;
  /** The moment to verify for, in milliseconds; default now. */
  timestamp?: number;
}

const WEBCRYPTO_HASH: Record<Algorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/** The platform's HMAC (browsers, Workers, Node ≥ 20). */
export const webCryptoHmac: Hmac = async (algorithm, key, message) => {
  const cryptoKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: WEBCRYPTO_HASH[algorithm] }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message as Uint8Array<ArrayBuffer>));
};

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
export async function generateCode(options: CodeOptions, timestamp: number = Date.now(), { hmac = webCryptoHmac }: CodeImplementation = {}): Promise<string> {
  checkCodeOptions(options);
  return hotp(options, stepOf(options.period, timestamp), hmac);
}

/**
 * The code of time step `step` (RFC 6238's T), for callers that work in steps rather than moments (the time-window
 * lab). Internal to the core: not exported from index.ts.
 */
export function codeForStep(options: CodeOptions, step: number, { hmac = webCryptoHmac }: CodeImplementation = {}): Promise<string> {
  return hotp(options, step, hmac);
}

/**
 * Checks a code a person typed (spaces ignored) against the steps within ±`window` of `timestamp`'s step, nearest
 * first, comparing in constant time, and reports which step matched.
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
  { window = 1, timestamp = Date.now(), afterStep, hmac = webCryptoHmac }: VerifyOptions & { afterStep?: number | undefined } = {},
): Promise<Verification> {
  checkCodeOptions(options);
  if (typeof code !== 'string') throw new TotpParameterError('code', code, `a string of ${options.digits} digits`);
  if (!Number.isSafeInteger(window) || window < 0 || window > VERIFY_WINDOW_MAX) {
    throw new TotpParameterError('window', window, `a whole number of steps from 0 to ${VERIFY_WINDOW_MAX}`);
  }
  if (afterStep !== undefined && (!Number.isSafeInteger(afterStep) || afterStep < 0)) {
    throw new TotpParameterError('afterStep', afterStep, 'a time step returned by an earlier verification (a whole number from 0), or nothing');
  }
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^[0-9]{${options.digits}}$`).test(token)) return { valid: false, reason: 'format' };
  const now = stepOf(options.period, timestamp);
  let replayed = false;
  for (let distance = 0; distance <= window; distance++) {
    for (const offset of distance === 0 ? [0] : [-distance, distance]) {
      const step = now + offset;
      // Steps before the epoch have no code.
      if (step < 0 || !sameText(await hotp(options, step, hmac), token)) continue;
      // A step at or before the last accepted one: its code was used (or skipped over) already.
      if (afterStep !== undefined && step <= afterStep) replayed = true;
      else return { valid: true, offset, step };
    }
  }
  return { valid: false, reason: replayed ? 'replayed' : 'mismatch' };
}

/**
 * `timestamp`'s step, refusing times a code cannot have: RFC 6238 counts from the Unix epoch on, and a step count past
 * 2^53 − 1 is no longer exact in a double, and past 2^64 would wrap in the 8-byte counter (a wrong code, silently).
 */
export function stepOf(period: number, timestamp: number): number {
  const step = typeof timestamp === 'number' && timestamp >= 0 ? timeStep(period, timestamp) : Number.NaN;
  if (!Number.isSafeInteger(step)) {
    throw new TotpParameterError('timestamp', timestamp, 'a time from 1970-01-01T00:00:00Z on, in milliseconds since then, of at most 2^53 - 1 time steps');
  }
  return step;
}

/**
 * The code options checked as createEnrollment checks them: a period of 0, NaN or -30 would otherwise give step
 * Infinity or a negative step, and a counter-0 code would verify for any time.
 */
export function checkCodeOptions(options: CodeOptions): void {
  if (typeof options !== 'object' || options === null) throw new TotpParameterError('options', options, 'an object with secret, digits, period and algorithm');
  const { secret, digits, period, algorithm } = options;
  if (!(secret instanceof Uint8Array) || secret.length === 0) throw new TotpParameterError('secret', secret, 'the secret as a non-empty Uint8Array');
  if (!(DIGITS as readonly unknown[]).includes(digits)) throw new TotpParameterError('digits', digits, DIGITS.join(' or '));
  if (!Number.isSafeInteger(period) || period < PERIOD_MIN || period > PERIOD_MAX) {
    throw new TotpParameterError('period', period, `a whole number of seconds from ${PERIOD_MIN} to ${PERIOD_MAX}`);
  }
  if (!(ALGORITHMS as readonly unknown[]).includes(algorithm)) throw new TotpParameterError('algorithm', algorithm, ALGORITHMS.join(', '));
}

/** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, the low `digits` decimal digits. */
async function hotp({ secret, digits, algorithm }: CodeOptions, counter: number, hmac: Hmac): Promise<string> {
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  // Two 32-bit halves: a step count fits in a double's 53 bits, and no BigInt is needed.
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  const mac = await hmac(algorithm, secret, message);
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = new DataView(mac.buffer, mac.byteOffset, mac.byteLength).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** Equal strings of equal length, in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
