/**
 * How the CLI fails: one error type carrying the exit status, and the translation of the core's field names into
 * the flags a person actually typed (`--account-name`, not `accountName`).
 */
import { TotpParameterError } from '../core/index.js';

/** Exit statuses: 1 for "the answer is no" (verify) and runtime failures, 2 for usage errors, as grep does. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure to report on stderr, in one line, with its exit status. Nothing has been written to stdout. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

/** The core's field names → the CLI's flags. */
const FLAG_OF_FIELD: Record<string, string> = {
  issuer: '--issuer',
  accountName: '--account-name',
  digits: '--digits',
  period: '--period',
  algorithm: '--algorithm',
  secret: '--secret',
  window: '--window',
};

/** The flag a core field is set with, e.g. `accountName` → `--account-name`. */
export function flagOfField(field: string): string {
  return FLAG_OF_FIELD[field] ?? `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/**
 * A core parameter error as a CLI error naming the flag, what was received and what is allowed. With a `context`
 * (`--accounts "users.txt" line 7: `), an account name came from that line, not from a flag, and is called so.
 */
export function parameterErrorToCli(error: TotpParameterError, context = ''): CliError {
  const subject = context && error.field === 'accountName' ? 'account name' : `${flagOfField(error.field)}:`;
  return new CliError(`${context}${subject} ${error.problem}; expected ${error.allowed}`);
}

/** `--flag: got "x"; expected …` for the CLI's own flags (count, port, at, …). */
export function invalidFlag(flag: string, value: string | undefined, allowed: string): CliError {
  const got = value === undefined ? 'nothing' : JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return new CliError(`${flag}: got ${got}; expected ${allowed}`);
}
