/**
 * Reading an otpauth:// Key URI someone else made (a QR code on a sign-up page, a pasted link): the inverse of
 * {@link buildKeyUri}, with the same validation as everything else the core accepts.
 *
 * Strict where apps disagree: a spelling we do not write (`SHA-1`, `sha256`), 7 digits, a missing secret or an
 * export of several accounts is refused with an error saying what was found and what is accepted. An authenticator
 * that guessed would show codes the site never accepts — Ente and Bitwarden fall back to SHA1 silently — and a
 * developer testing their own sign-up page wants to see that their URI is off, not a wrong code.
 */
import { TotpParameterError } from './errors.js';
import { ALGORITHMS, DEFAULT_PARAMETERS, parseParameters, type TotpParameters } from './parameters.js';
import { parseSecret, type Secret } from './secret.js';

/** What a Key URI says: the enrollment's parameters and its secret. `createEnrollment({...parameters, secret: secret.base32})` rebuilds it. */
export interface ParsedKeyUri {
  readonly parameters: TotpParameters;
  readonly secret: Secret;
}

/**
 * The longest Key URI text read, refused before any other work: a QR code holds at most 2,953 bytes, and this leaves
 * room for a pasted URI's extra parameters (`image=…`) and heavier percent-encoding.
 */
export const KEY_URI_TEXT_MAX = 8192;

const URI_ALLOWED = 'an otpauth://totp/ Key URI';
const TYPE_ALLOWED = 'totp (time-based codes)';

/** `otpauth://TYPE/LABEL?QUERY#fragment`; the scheme and type compared without regard to case, as URI schemes are. */
const KEY_URI = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is;

/**
 * Parses an otpauth:// Key URI into validated parameters and secret. Absent `digits`, `period` and `algorithm` take
 * the Key URI Format's defaults (6, 30, SHA1); the `issuer` parameter wins over the label's prefix, as the format
 * says. Surrounding whitespace is ignored (a QR code's text may end in a newline).
 *
 * @throws {TotpParameterError} naming the field at fault (`uri`, `type`, `label`, `issuer`, `accountName`, `secret`,
 *   `digits`, `period` or `algorithm`), what was found and what is accepted.
 */
export function parseKeyUri(text: string): ParsedKeyUri {
  if (typeof text !== 'string') throw new TotpParameterError('uri', text, URI_ALLOWED);
  if (text.length > KEY_URI_TEXT_MAX) throw new TotpParameterError('uri', text, `${URI_ALLOWED} of at most ${KEY_URI_TEXT_MAX} characters`, `is ${text.length} characters long, over the limit of ${KEY_URI_TEXT_MAX}`);
  const trimmed = text.trim();
  if (/^otpauth-migration:/i.test(trimmed)) {
    throw new TotpParameterError(
      'uri',
      trimmed,
      `${URI_ALLOWED} for one account (export the accounts one at a time)`,
      'is an otpauth-migration:// export, which packs several accounts into one code',
    );
  }
  const match = KEY_URI.exec(trimmed);
  if (!match) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
    const problem = scheme === undefined ? undefined : scheme.toLowerCase() === 'otpauth' ? 'is not of the form otpauth://TYPE/LABEL?secret=…' : `is a ${scheme}: link`;
    throw new TotpParameterError('uri', trimmed, URI_ALLOWED, problem);
  }
  const [, type = '', rawLabel = '', query = ''] = match;
  if (type.toLowerCase() === 'hotp') {
    throw new TotpParameterError('type', type, TYPE_ALLOWED, `is "${type}": counter-based codes are not supported`);
  }
  if (type.toLowerCase() !== 'totp') throw new TotpParameterError('type', type, TYPE_ALLOWED);

  const label = percentDecode('label', rawLabel);
  const parameters = queryParameters(query);
  // "Issuer:account", the colon literal or %3A; optional spaces after it (the format allows them) are trimmed below.
  const colon = label.indexOf(':');
  const labelIssuer = colon === -1 ? '' : label.slice(0, colon);
  const accountName = colon === -1 ? label : label.slice(colon + 1);
  const issuer = parameters.get('issuer') || labelIssuer;

  const secretText = parameters.get('secret');
  if (secretText === undefined) {
    throw new TotpParameterError('secret', secretText, 'Base32 text (letters A-Z and digits 2-7)', 'is missing: the URI has no secret parameter');
  }
  return {
    parameters: parseParameters({
      issuer,
      accountName,
      digits: required('digits', parameters.get('digits')) ?? DEFAULT_PARAMETERS.digits,
      period: required('period', parameters.get('period')) ?? DEFAULT_PARAMETERS.period,
      algorithm: parseAlgorithmName(required('algorithm', parameters.get('algorithm'))),
    }),
    secret: parseSecret(secretText),
  };
}

/** The query's parameters, percent-decoded (`+` stays a plus: the Key URI Format writes spaces as %20). */
function queryParameters(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = percentDecode('uri', equals === -1 ? pair : pair.slice(0, equals)).toLowerCase();
    // `?=x` names nothing: the URI is malformed, and there is no parameter to report it under.
    if (name === '') throw new TotpParameterError('uri', pair, URI_ALLOWED, `has a query parameter without a name (${JSON.stringify(pair.length > 40 ? `${pair.slice(0, 40)}…` : pair)})`);
    const value = percentDecode(name, equals === -1 ? '' : pair.slice(equals + 1));
    // Two secrets (or two periods) leave it to chance which one an app uses.
    if (parameters.has(name)) throw new TotpParameterError(name, value, 'each parameter once', `appears more than once (${JSON.stringify(parameters.get(name))} and ${JSON.stringify(value)})`);
    parameters.set(name, value);
  }
  return parameters;
}

/** A parameter that is present must say something: `digits=` is a broken URI, not a request for the default. */
function required(field: string, value: string | undefined): string | undefined {
  if (value === '') throw new TotpParameterError(field, value, field === 'algorithm' ? ALGORITHMS.join(', ') : 'a value, or no parameter at all for the default', 'is empty');
  return value;
}

/** Exact spellings only; a near miss gets an error that names the spelling meant, rather than a silent fallback. */
function parseAlgorithmName(value: string | undefined): string | undefined {
  if (value === undefined || (ALGORITHMS as readonly string[]).includes(value)) return value;
  const meant = ALGORITHMS.find((name) => name === value.toUpperCase().replace(/[-_ ]/g, ''));
  const allowed = `${ALGORITHMS.join(', ')}, spelled exactly so`;
  if (meant) {
    throw new TotpParameterError(
      'algorithm',
      value,
      allowed,
      `is "${value}", which means ${meant} but is not how the Key URI Format spells it: some apps refuse it, others silently use SHA1 and show wrong codes`,
    );
  }
  throw new TotpParameterError('algorithm', value, allowed);
}

function percentDecode(field: string, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new TotpParameterError(field, text, 'percent-encoded UTF-8 text', `${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)} is not valid percent-encoding`);
  }
}
