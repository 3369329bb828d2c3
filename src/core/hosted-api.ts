/**
 * The hosted `GET /v1/auth/totp-generate` API's contract, computed locally: same query parameters, same limits,
 * same JSON. For people moving off the hosted API, and for the CLI and the self-hosted endpoint.
 */
import { generateCode, type Hmac } from './codes.js';
import { createEnrollment, type Enrollment } from './enrollment.js';
import { TotpParameterError } from './errors.js';
import { qrPngDataUri, type Deflate } from './png.js';
import { parseQuery } from './query-string.js';
import { checkRecoveryCodeCount, generateRecoveryCodes, RECOVERY_CODE_COUNT_ALLOWED } from './recovery-codes.js';

/** The hosted API's response body, field for field. */
export interface HostedApiResult {
  secret: string;
  uri: string;
  /** `data:image/png;base64,…` */
  qr_code: string;
  current_code: string;
  /** Only when asked for (`recovery_codes=N`): N one-time recovery codes, grouped for reading. */
  recovery_codes?: string[];
}

/** The query parameters the hosted API takes. */
export const HOSTED_API_PARAMETERS = ['issuer', 'account_name', 'digits', 'period', 'algorithm'] as const;

/** Query parameters we take beyond the hosted API's: without them, the answer is exactly the hosted API's. */
export const HOSTED_API_EXTENSIONS = ['recovery_codes'] as const;

/** How the hosted API spells each field, for errors that name what the caller actually sent. */
const QUERY_NAMES: Record<string, string> = { accountName: 'account_name', secretBytes: 'secret_bytes', recoveryCodes: 'recovery_codes' };

export interface HostedApiOptions {
  /** When the current code is computed; default now. */
  timestamp?: number;
  /** An existing Base32 secret instead of a new one. */
  secret?: string;
  /** PNG compression; defaults to `CompressionStream`. */
  deflate?: Deflate;
  /** The code's HMAC; defaults to WebCrypto. */
  hmac?: Hmac;
}

/**
 * The hosted API's result for a query: `{ secret, uri, qr_code, current_code }`, and `recovery_codes` when the query
 * asks for them with `recovery_codes=N` (1 to 20).
 *
 * @param query a query string (read strictly, as the endpoint reads it: each name once, valid percent-encoded
 *   UTF-8), `URLSearchParams` (already decoded, leniently, by its constructor), or a plain object of strings.
 * @throws {TotpParameterError} whose `field` is the query parameter's name (`account_name`, `period`, …), also for a
 *   parameter given more than once or malformed percent-encoding; `query` for a value without a name.
 */
export async function generateHostedApiResult(
  query: URLSearchParams | string | Record<string, string | undefined>,
  { timestamp = Date.now(), secret, deflate, hmac }: HostedApiOptions = {},
): Promise<HostedApiResult> {
  if (typeof query !== 'string' && (typeof query !== 'object' || query === null)) {
    throw new TotpParameterError('query', query, 'a query string, URLSearchParams or an object of strings');
  }
  const params = query instanceof URLSearchParams ? query : undefined;
  const values = typeof query === 'string' ? parseQuery(query) : query instanceof URLSearchParams ? undefined : query;
  const get = (name: string) => (params ? (params.get(name) ?? undefined) : readOwn(values!, name));
  for (const name of [...HOSTED_API_PARAMETERS, ...HOSTED_API_EXTENSIONS]) {
    if (params && params.getAll(name).length > 1) throw new TotpParameterError(name, params.getAll(name), 'one value', 'given more than once');
  }
  const recoveryCodes = parseRecoveryCodeCount(get('recovery_codes'));
  let enrollment: Enrollment;
  try {
    enrollment = createEnrollment({
      issuer: get('issuer'),
      accountName: get('account_name'),
      digits: get('digits'),
      period: get('period'),
      algorithm: get('algorithm'),
      secret,
    });
    if (recoveryCodes !== undefined) checkRecoveryCodeCount(recoveryCodes, 'recoveryCodes');
  } catch (error) {
    throw error instanceof TotpParameterError ? toQueryError(error) : error;
  }
  return toHostedApiResult(enrollment, { timestamp, deflate, hmac, recoveryCodes });
}

/**
 * An enrollment in the hosted API's JSON shape; with `recoveryCodes: N`, also N fresh recovery codes.
 *
 * @throws {TotpParameterError} naming `recoveryCodes` when it is not 1 to 20.
 */
export async function toHostedApiResult(
  enrollment: Enrollment,
  {
    timestamp = Date.now(),
    deflate,
    hmac,
    recoveryCodes,
  }: { timestamp?: number; deflate?: Deflate | undefined; hmac?: Hmac | undefined; recoveryCodes?: number | undefined } = {},
): Promise<HostedApiResult> {
  if (recoveryCodes !== undefined) checkRecoveryCodeCount(recoveryCodes, 'recoveryCodes');
  const recovery_codes = recoveryCodes === undefined ? undefined : generateRecoveryCodes({ count: recoveryCodes });
  const [qr_code, current_code] = await Promise.all([
    qrPngDataUri(enrollment.qr, deflate ? { deflate } : {}),
    generateCode(enrollment.codeOptions, timestamp, { hmac }),
  ]);
  const result: HostedApiResult = { secret: enrollment.secret.base32, uri: enrollment.uri, qr_code, current_code };
  if (recovery_codes) result.recovery_codes = recovery_codes;
  return result;
}

/** `recovery_codes=N` as the query gives it: absent or empty means none; anything but 1 to 20 digits is refused. */
function parseRecoveryCodeCount(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const count = /^[0-9]{1,2}$/.test(text) ? Number(text) : Number.NaN;
  // Range errors come from generateRecoveryCodes; only text that is no number at all is refused here.
  if (Number.isNaN(count)) throw new TotpParameterError('recovery_codes', text, RECOVERY_CODE_COUNT_ALLOWED);
  return count;
}

/** An own property only: `constructor` or `__proto__` in a plain object are not parameters. */
function readOwn(values: Record<string, string | undefined>, name: string): string | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

function toQueryError(error: TotpParameterError): TotpParameterError {
  const field = QUERY_NAMES[error.field];
  return field ? error.renamed(field) : error;
}
