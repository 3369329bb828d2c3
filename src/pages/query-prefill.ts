/**
 * Reading the hosted API's query parameters (`?issuer=…&account_name=…&digits=…&period=…&algorithm=…`) to prefill a
 * page, so that links written for the hosted API open the same enrollment here.
 *
 * A `secret` parameter is never used: a secret in a URL ends up in browser history, bookmarks, server logs and
 * Referer headers. The page drops it, removes it from the address bar and says so.
 */
import { HOSTED_API_PARAMETERS } from '../core/index.js';

/** A hosted-API query parameter the pages understand. */
export type PrefillName = (typeof HOSTED_API_PARAMETERS)[number];

/** The element attribute each query parameter sets (the hosted API spells `account_name` with an underscore). */
export const ATTRIBUTE_FOR: Readonly<Record<PrefillName, string>> = {
  issuer: 'issuer',
  account_name: 'account-name',
  digits: 'digits',
  period: 'period',
  algorithm: 'algorithm',
};

/** Query parameters that carry a secret, in any spelling a caller might try. */
const SECRET_PARAMETERS = ['secret', 'secret_key', 'key', 'seed'];

export interface Prefill {
  /** The hosted API's parameters found in the query, untouched: the element validates them and explains errors. */
  readonly values: Partial<Record<PrefillName, string>>;
  /** Whether the query carried a secret, which was ignored. */
  readonly secretIgnored: boolean;
  /** The query to show in the address bar instead: the same without any secret (`''` when nothing is left). */
  readonly safeSearch: string;
}

/** What a page should prefill from `location.search`. */
export function readPrefill(search: string): Prefill {
  const query = new URLSearchParams(search);
  const values: Partial<Record<PrefillName, string>> = {};
  for (const name of HOSTED_API_PARAMETERS) {
    const value = query.get(name);
    if (value !== null) values[name] = value;
  }
  let secretIgnored = false;
  for (const name of [...query.keys()]) {
    if (SECRET_PARAMETERS.includes(name.toLowerCase())) {
      query.delete(name);
      secretIgnored = true;
    }
  }
  const rest = query.toString();
  return { values, secretIgnored, safeSearch: rest === '' ? '' : `?${rest}` };
}

/** The query string for a set of values, in the hosted API's order; never a secret, since there is no field for it. */
export function prefillSearch(values: Partial<Record<PrefillName, string>>): string {
  const query = new URLSearchParams();
  for (const name of HOSTED_API_PARAMETERS) {
    const value = values[name];
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const text = query.toString().replaceAll('+', '%20');
  return text === '' ? '' : `?${text}`;
}
