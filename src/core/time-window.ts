/**
 * The time window around a moment, for testing a server's time rules (the popup's time-window lab): the codes of the
 * steps either side of now with the time each one is valid, and which step a typed code belongs to.
 *
 * Time is a parameter (milliseconds since the Unix epoch), never read here, so that a clock offset — a phone whose
 * clock is a minute off — is simply another timestamp, and the functions can be checked against `oathtool -N`.
 * The codes come from codes.ts: one HOTP, one search loop ({@link verifyCode}'s).
 */
import { checkCodeOptions, codeForStep, stepOf, verifyCode, VERIFY_WINDOW_MAX, type CodeImplementation, type CodeOptions } from './codes.js';
import { TotpParameterError } from './errors.js';
import { DIGITS, type TotpParameters } from './parameters.js';

/** The largest clock offset the lab accepts, in seconds either way: five minutes, well past any server's window. */
export const CLOCK_OFFSET_MAX = 300;

/** The most steps {@link codesAround} lists either side, and {@link findStep} searches: verifyCode's limit. */
export const STEP_SEARCH_MAX = VERIFY_WINDOW_MAX;

/** One time step's code and when it is valid. */
export interface StepCode {
  /** Steps from the timestamp's own step: -1 is the previous code, 0 the current one, 1 the next. */
  readonly offset: number;
  /** The step counter (RFC 6238's T). */
  readonly step: number;
  readonly code: string;
  /** When the step begins, in milliseconds since the epoch (inclusive). */
  readonly start: number;
  /** When it ends, in milliseconds since the epoch (exclusive): the next step's start. */
  readonly end: number;
}

export interface CodesAroundOptions extends CodeImplementation {
  /** Steps either side of the timestamp's step, 0 to 10; default 2 (T−2 … T+2). */
  steps?: number | undefined;
}

/**
 * The codes of the steps `T − steps` … `T + steps` around `timestamp`'s step T, oldest first, each with its time
 * range. Steps before the Unix epoch have no code and are left out.
 *
 * @throws {TotpParameterError} for a `timestamp` before the epoch or not a number, or `steps` outside 0 to 10.
 */
export async function codesAround(options: CodeOptions, timestamp: number, { steps = 2, hmac }: CodesAroundOptions = {}): Promise<StepCode[]> {
  checkCodeOptions(options);
  checkSteps('steps', steps);
  const now = stepOf(options.period, timestamp);
  const offsets = Array.from({ length: 2 * steps + 1 }, (_, index) => index - steps).filter((offset) => now + offset >= 0);
  return Promise.all(offsets.map(async (offset) => ({ offset, ...(await stepCode(options, now + offset, hmac)) })));
}

/** Where a typed code sits relative to a moment: see {@link findStep}. */
export type StepFinding =
  | (StepCode & {
      readonly found: true;
      /** For a past step (offset < 0): whole seconds since its code stopped being current. */
      readonly expiredSecondsAgo: number | undefined;
      /** For a future step (offset > 0): seconds until its code becomes current, rounded up as countdowns are. */
      readonly startsInSeconds: number | undefined;
    })
  | {
      readonly found: false;
      /** Steps searched either side of now. */
      readonly searched: number;
      /** The settings the code was tried with: a mismatch usually means one of these, the secret or the clock. */
      readonly settings: Pick<TotpParameters, 'digits' | 'period' | 'algorithm'>;
    };

export interface FindStepOptions extends CodeImplementation {
  /** Steps searched either side of `timestamp`'s step, 0 to 10; default 10. */
  range?: number | undefined;
}

/**
 * Which step within ±`range` of `timestamp`'s step has the code `code` (spaces ignored): the nearest one, the earlier
 * when two steps share a code. "1 step ago, expired 12 s ago", or not found, with the settings tried.
 *
 * @throws {TotpParameterError} naming `code` when it is not `digits` ASCII digits (letters, another length, digits of
 * another script such as "١٢٣"), and for a bad `timestamp` or `range`.
 */
export async function findStep(options: CodeOptions, code: string, timestamp: number, { range = STEP_SEARCH_MAX, hmac }: FindStepOptions = {}): Promise<StepFinding> {
  checkSteps('range', range);
  const token = parseTypedCode(code, options.digits);
  const verification = await verifyCode(options, token, { window: range, timestamp, hmac });
  if (!verification.valid) {
    const { digits, period, algorithm } = options;
    return { found: false, searched: range, settings: { digits, period, algorithm } };
  }
  const { offset, step } = verification;
  const match = { offset, ...(await stepCode(options, step, hmac)) };
  return {
    found: true,
    ...match,
    expiredSecondsAgo: offset < 0 ? Math.floor((timestamp - match.end) / 1000) : undefined,
    startsInSeconds: offset > 0 ? Math.ceil((match.start - timestamp) / 1000) : undefined,
  };
}

/**
 * A code as a person typed it: `digits` ASCII digits once spaces are removed.
 *
 * @throws {TotpParameterError} for `code`, saying what is wrong (letters, a digit of another script, the length).
 */
export function parseTypedCode(code: unknown, digits: number): string {
  // Checked first: the message below prints it, and a value that is not 6 or 8 has no code length to compare with.
  if (!(DIGITS as readonly unknown[]).includes(digits)) throw new TotpParameterError('digits', digits, DIGITS.join(' or '));
  const allowed = `${digits} digits 0–9 (spaces are ignored)`;
  if (typeof code !== 'string') throw new TotpParameterError('code', code, allowed);
  const token = code.replace(/\s+/g, '');
  if (token === '') throw new TotpParameterError('code', code, allowed, 'is empty');
  // Digits of other scripts ("١٢٣", full-width "１２３") look like a code but are not one: no server reads them as such.
  const foreignDigit = /(?![0-9])\p{Nd}/u.exec(token);
  if (foreignDigit) throw new TotpParameterError('code', code, allowed, `contains "${foreignDigit[0]}", a digit that is not one of 0–9`);
  if (/\p{L}/u.test(token)) throw new TotpParameterError('code', code, allowed, 'contains letters');
  const other = /[^0-9]/u.exec(token);
  if (other) throw new TotpParameterError('code', code, allowed, `contains "${other[0]}"`);
  if (token.length !== digits) throw new TotpParameterError('code', code, allowed, `has ${token.length} digit${token.length === 1 ? '' : 's'}`);
  return token;
}

/**
 * A clock offset in whole seconds from −300 to +300: a number, or a decimal string with an optional sign ("+60").
 *
 * @throws {TotpParameterError} for `clockOffset` outside the range or not a whole number.
 */
export function parseClockOffset(value: unknown): number {
  const allowed = `a whole number of seconds from -${CLOCK_OFFSET_MAX} to +${CLOCK_OFFSET_MAX}`;
  let seconds: number | undefined;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'string' && /^\s*[+\-−]?[0-9]+(\.[0-9]*)?\s*$/u.test(value)) seconds = Number(value.trim().replace('−', '-'));
  if (seconds === undefined || !Number.isFinite(seconds)) throw new TotpParameterError('clockOffset', value, allowed);
  if (!Number.isInteger(seconds)) throw new TotpParameterError('clockOffset', value, allowed, `${String(value).trim()} is not a whole number`);
  if (Math.abs(seconds) > CLOCK_OFFSET_MAX) throw new TotpParameterError('clockOffset', value, allowed, `${String(value).trim()} is out of range`);
  // -0 would print as "0" but compare unequal in deep equality; there is only one zero offset.
  return seconds === 0 ? 0 : seconds;
}

function checkSteps(field: 'steps' | 'range', value: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > STEP_SEARCH_MAX) {
    throw new TotpParameterError(field, value, `a whole number of steps from 0 to ${STEP_SEARCH_MAX}`);
  }
}

async function stepCode(options: CodeOptions, step: number, hmac: CodeImplementation['hmac']): Promise<Omit<StepCode, 'offset'>> {
  const stepMs = options.period * 1000;
  return { step, code: await codeForStep(options, step, { hmac }), start: step * stepMs, end: (step + 1) * stepMs };
}
