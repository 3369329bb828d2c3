/**
 * The one error every invalid input is reported with.
 *
 * Callers (the element, the CLI, the HTTP endpoint) show `field` next to the input it names, so the field is
 * always the public name of one parameter, and the message says what was received and what is allowed.
 */
export class TotpParameterError extends Error {
  override readonly name = 'TotpParameterError';
  /** What is wrong with the value, e.g. `got 7` or `contains a colon`. */
  readonly problem: string;

  constructor(
    /** The parameter at fault, e.g. `period` or `accountName`. */
    readonly field: string,
    /** The value that was received, as given. */
    readonly value: unknown,
    /** What would have been accepted, in words, e.g. `a whole number of seconds from 10 to 120`. */
    readonly allowed: string,
    /** Why it was refused, when "got X" needs more words. */
    problem?: string,
  ) {
    const what = problem ?? `got ${describeValue(value)}`;
    super(`${field}: ${what}; expected ${allowed}`);
    this.problem = what;
  }

  /** The same error under another name for the field, e.g. `account_name` for the hosted API's callers. */
  renamed(field: string): TotpParameterError {
    return new TotpParameterError(field, this.value, this.allowed, this.problem);
  }
}

/** Why a sealed secret could not be opened (see sealed-secret.ts). */
export type SealedSecretProblem = 'format' | 'version' | 'unopened';

/**
 * A sealed secret that does not open. `unopened` covers a wrong key, another account's record and a changed byte
 * alike: AES-GCM cannot tell them apart, and no secret is ever returned in any of these cases.
 */
export class SealedSecretError extends Error {
  override readonly name = 'SealedSecretError';

  constructor(
    /** `format`: not a sealed secret at all; `version`: a format this version does not know; `unopened`: see above. */
    readonly reason: SealedSecretProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A short description of any value: String() throws for null-prototype objects and symbols, and a message must not. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return value instanceof Uint8Array ? `${value.length} bytes` : 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return String(value);
}
