/**
 * A query string, read strictly — by the endpoint and by `generateHostedApiResult` alike, so that both accept and
 * refuse the same queries: every name and value must be valid percent-encoded UTF-8, and each
 * name may appear once. `URLSearchParams` is lenient on both (it keeps `%ZZ` as text, turns invalid UTF-8 into
 * U+FFFD and keeps every repeat), which would let a malformed request through as a different, well-formed one.
 *
 * Which names exist and what their values may be is the core's business (`generateHostedApiResult`): this file knows
 * no parameter by name, so a parameter the core learns needs no change here.
 */
import { TotpParameterError } from './errors.js';

/** The field named when the query as a whole is at fault rather than one parameter. */
const QUERY_FIELD = 'query';

/**
 * The query's parameters, decoded, names in the order given.
 *
 * @param search `URL.search`, with or without its leading `?`.
 * @throws {TotpParameterError} naming the parameter whose encoding is malformed or that is given more than once, or
 *   naming `query` for a parameter without a name (`?=1`).
 */
export function parseQuery(search: string): Record<string, string> {
  const query = search.startsWith('?') ? search.slice(1) : search;
  // No prototype: a parameter called `__proto__` or `constructor` is just a name.
  const parameters: Record<string, string> = Object.create(null) as Record<string, string>;
  if (query === '') return parameters;
  for (const pair of query.split('&')) {
    if (pair === '') continue; // `a=1&&b=2` and a trailing `&` are harmless, as in URLSearchParams
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const rawValue = equals < 0 ? '' : pair.slice(equals + 1);
    // `?=1&=2` has no name to report a problem under; it is a malformed query, not a parameter called "".
    if (rawName === '') throw new TotpParameterError(QUERY_FIELD, pair, 'name=value pairs', `has ${JSON.stringify(short(pair))}, a value without a parameter name`);
    const name = decode(rawName, rawName, 'a percent-encoded UTF-8 name');
    const value = decode(rawValue, name, 'percent-encoded UTF-8 (e.g. %C3%A9 for é)');
    if (Object.hasOwn(parameters, name)) {
      throw new TotpParameterError(name, value, 'one value', 'given more than once');
    }
    parameters[name] = value;
  }
  return parameters;
}

/** `application/x-www-form-urlencoded` decoding (`+` is a space) that refuses what it cannot decode. */
function decode(raw: string, field: string, allowed: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    // decodeURIComponent throws URIError for `%` not followed by two hex digits and for bytes that are not UTF-8.
    throw new TotpParameterError(field, raw, allowed, `got ${JSON.stringify(short(raw))}, which is not valid percent-encoding`);
  }
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
