/**
 * The endpoint's settings checked once, when a handler is made, rather than met at the first request: a CORS value
 * holding CR or LF cannot be a header value (every `new Response` would throw, on every request), and an API key with
 * whitespace can never match, since `Authorization: Bearer <key>` ends the key at the first space.
 *
 * The fields are the options' names (`cors`, `apiKey`); the CLI and the module worker say which flag or variable
 * that is.
 */
import { TotpParameterError } from '../core/index.js';

export const CORS_ALLOWED = 'an origin such as https://admin.example.com (scheme, host and optional port, no path), or *';
export const API_KEY_ALLOWED = 'a non-empty key without spaces or control characters';

/** @throws {TotpParameterError} naming `cors` or `apiKey` when either can never work. */
export function checkEndpointSettings({ apiKey, cors }: { apiKey?: string | undefined; cors?: string | undefined }): void {
  if (cors !== undefined && typeof cors !== 'string') throw new TotpParameterError('cors', cors, CORS_ALLOWED);
  if (apiKey !== undefined && typeof apiKey !== 'string') throw new TotpParameterError('apiKey', '(not shown)', API_KEY_ALLOWED, 'is not a string');
  if (cors !== undefined && cors !== '*' && !isOrigin(cors)) {
    // Only the shape is described: the value may hold anything, and the message goes to a log.
    throw new TotpParameterError('cors', cors, CORS_ALLOWED, /[\r\n]/.test(cors) ? 'contains a line break, which would split the header' : `got ${JSON.stringify(shortened(cors))}, which is not an origin`);
  }
  // \s covers Unicode spaces too; \p{Cc} the control characters that are not spaces (NUL, DEL…).
  if (apiKey !== undefined && (apiKey === '' || /[\s\p{Cc}]/u.test(apiKey))) {
    // Never echo a key, not even a broken one: it is a secret.
    throw new TotpParameterError('apiKey', '(not shown)', API_KEY_ALLOWED, apiKey === '' ? 'is empty' : 'contains whitespace or a control character, so no Authorization header can ever match it');
  }
}

/** A serialized origin (what browsers send in `Origin`): the URL's origin is the text itself. */
function isOrigin(text: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[\x21-\x7e]+$/i.test(text) || !URL.canParse(text)) return false;
  return new URL(text).origin === text;
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
