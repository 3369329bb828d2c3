/**
 * The hosted `GET /v1/auth/totp-generate` API's contract, computed locally: same query parameters, same limits,
 * same JSON. For people moving off the hosted API, and for the CLI and the self-hosted endpoint.
 */
import { generateCode, type Hmac } from './codes.js';
import { createEnrollment, type Enrollment } from './enrollment.js';
import { TotpParameterError } from './errors.js';
import { qrPngDataUri, type Deflate } from './png.js';

/** The hosted API's response body, field for field. */
export interface HostedApiResult {
  secret: string;
  uri: string;
  /** `data:image/png;base64,…` */
  qr_code: string;
  current_code: string;
}

/** The query parameters the hosted API takes. */
export const HOSTED_API_PARAMETERS = ['issuer', 'account_name', 'digits', 'period', 'algorithm'] as const;

/** How the hosted API spells each field, for errors that name what the caller actually sent. */
const QUERY_NAMES: Record<string, string> = { accountName: 'account_name', secretBytes: 'secret_bytes' };

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
 * The hosted API's result for a query: `{ secret, uri, qr_code, current_code }`.
 *
 * @param query `URLSearchParams`, a query string, or a plain object of strings.
 * @throws {TotpParameterError} whose `field` is the query parameter's name (`account_name`, `period`, …).
 */
export async function generateHostedApiResult(
  query: URLSearchParams | string | Record<string, string | undefined>,
  { timestamp = Date.now(), secret, deflate, hmac }: HostedApiOptions = {},
): Promise<HostedApiResult> {
  const params = query instanceof URLSearchParams || typeof query === 'string' ? new URLSearchParams(query) : undefined;
  const get = (name: string) => (params ? (params.get(name) ?? undefined) : (query as Record<string, string | undefined>)[name]);
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
  } catch (error) {
    throw error instanceof TotpParameterError ? toQueryError(error) : error;
  }
  return toHostedApiResult(enrollment, { timestamp, deflate, hmac });
}

/** An enrollment in the hosted API's JSON shape. */
export async function toHostedApiResult(
  enrollment: Enrollment,
  { timestamp = Date.now(), deflate, hmac }: { timestamp?: number; deflate?: Deflate | undefined; hmac?: Hmac | undefined } = {},
): Promise<HostedApiResult> {
  const [qr_code, current_code] = await Promise.all([
    qrPngDataUri(enrollment.qr, deflate ? { deflate } : {}),
    generateCode(enrollment.codeOptions, timestamp, { hmac }),
  ]);
  return { secret: enrollment.secret.base32, uri: enrollment.uri, qr_code, current_code };
}

function toQueryError(error: TotpParameterError): TotpParameterError {
  const field = QUERY_NAMES[error.field];
  return field ? error.renamed(field) : error;
}
