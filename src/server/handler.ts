/**
 * The hosted `GET /v1/auth/totp-generate` endpoint as one web-standard fetch handler, `(Request) => Promise<Response>`:
 * the same code answers on Node (`totp-enroll serve`), Deno, Cloudflare's workerd and any runtime with `Request`,
 * `Response`, WebCrypto and `CompressionStream`. Routing, the API key, CORS, errors, headers and the request log live
 * here and nowhere else; the runtimes only carry requests to it.
 *
 * Every answer carries `Cache-Control: no-store`: a 200 holds a fresh secret, and no cache or proxy may keep it.
 * The request log names the time, the method, the route, the status and the time taken — never the query string (it
 * holds the account name), the body, the secret or the code.
 */
import { generateHostedApiResult, TotpParameterError, type Deflate, type Hmac } from '../core/index.js';
import { apiKeyCheck } from './api-key.js';
import { checkEndpointSettings } from './settings-check.js';

export const ROUTE = '/v1/auth/totp-generate';
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
/** The longest path and query answered; longer ones get 414. Common proxies' and CDNs' own limits are about this. */
export const MAX_URL_BYTES = 8192;

export interface FetchHandlerOptions {
  /** When set, requests need `Authorization: Bearer <apiKey>`. */
  apiKey?: string | undefined;
  /** `Access-Control-Allow-Origin` to send (an origin, or `*`); no CORS headers when unset. */
  cors?: string | undefined;
  /** Receives one line per request, without a newline. */
  log?: ((line: string) => void) | undefined;
  /** PNG compression; defaults to the platform's `CompressionStream` (Node passes zlib's, which is faster). */
  deflate?: Deflate | undefined;
  /** The code's HMAC; defaults to the platform's WebCrypto (Node passes node:crypto's, which is faster). */
  hmac?: Hmac | undefined;
}

/** A fetch handler: what `export default { fetch }` holds in a module worker. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A JSON error body: a machine-readable `error`, the `parameter` at fault when there is one, and a sentence. */
export interface ErrorBody {
  error: 'invalid_parameter' | 'invalid_request' | 'unauthorized' | 'not_found' | 'method_not_allowed' | 'uri_too_long' | 'not_configured' | 'internal_error';
  message: string;
  parameter?: string;
  allowed?: string;
}

const encoder = new TextEncoder();
/** Reason phrases for the statuses the handler gives (Node's adapter would otherwise send an empty one). */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  414: 'URI Too Long',
  500: 'Internal Server Error',
};
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'TRACE']);

/**
 * @throws {TotpParameterError} naming `cors` or `apiKey` when the setting could never work (see settings-check.ts).
 */
export function createFetchHandler({ apiKey, cors, log = () => undefined, deflate, hmac }: FetchHandlerOptions = {}): FetchHandler {
  checkEndpointSettings({ apiKey, cors });
  const authorized = apiKeyCheck(apiKey);
  const corsHeaders: Record<string, string> = cors ? { 'Access-Control-Allow-Origin': cors, Vary: 'Origin' } : {};
  const preflightHeaders: Record<string, string> = cors
    ? { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Max-Age': '600' }
    : {};

  const answer = async (request: Request): Promise<Response> => {
    const started = performance.now();
    // The runtime builds request.url from the Host header, which a client writes: `a:99999`, `[::::::]` or
    // `999.999.999.999` give a URL that `new URL()` refuses. That is the client's error (a 400), never the process's.
    const url = URL.canParse(request.url) ? new URL(request.url) : undefined;
    const method = request.method;

    const send = (status: number, body: ErrorBody | object | undefined, headers: Record<string, string> = {}): Response => {
      const bytes = body === undefined ? null : encoder.encode(`${JSON.stringify(body)}\n`);
      // Content-Length is given outright so that every runtime sends it, rather than chunked encoding, and a HEAD's
      // answer keeps its body here: each runtime sends the headers and drops the body.
      const response = new Response(bytes, {
        status,
        statusText: STATUS_TEXT[status] ?? '',
        headers: {
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          ...(bytes === null ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(bytes.length) }),
          ...corsHeaders,
          ...headers,
        },
      });
      // Only the route and well-known methods are named: anything else is whatever a client sent, and may hold anything.
      const shownPath = url?.pathname === ROUTE ? ROUTE : '(other path)';
      const shownMethod = KNOWN_METHODS.has(method) ? method : '(other method)';
      log(`${new Date().toISOString()} ${shownMethod} ${shownPath} ${status} ${(performance.now() - started).toFixed(1)} ms`);
      return response;
    };

    if (url === undefined) {
      return send(400, { error: 'invalid_request', parameter: 'Host', message: 'the Host header is not a valid host name (or the request target is not a valid URL)' });
    }
    if (url.pathname.length + url.search.length > MAX_URL_BYTES) {
      return send(414, { error: 'uri_too_long', message: `the path and query are longer than ${MAX_URL_BYTES} bytes`, allowed: `at most ${MAX_URL_BYTES} bytes` });
    }
    if (url.pathname !== ROUTE) return send(404, { error: 'not_found', message: `no such path; the endpoint is GET ${ROUTE}` });
    if (method === 'OPTIONS') {
      // CORS preflight (a browser asks before sending Authorization): answered without the key, as browsers send none.
      return send(204, undefined, { Allow: ALLOWED_METHODS, ...preflightHeaders });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return send(405, { error: 'method_not_allowed', message: `${ROUTE} answers GET only` }, { Allow: ALLOWED_METHODS });
    }
    if (!(await authorized(request.headers.get('authorization')))) {
      return send(401, { error: 'unauthorized', message: 'send the API key as "Authorization: Bearer <key>"' }, { 'WWW-Authenticate': 'Bearer realm="totp-enroll"' });
    }
    // A GET's body means nothing here and is never read; the runtime discards it.
    try {
      // Every parameter goes to the core, which knows which ones exist and checks their values.
      return send(200, await generateHostedApiResult(url.search, { deflate, hmac }));
    } catch (error) {
      if (error instanceof TotpParameterError) {
        return send(400, { error: 'invalid_parameter', parameter: error.field, message: error.message, allowed: error.allowed });
      }
      // Never echo an unexpected error: it could carry anything. Say that it happened, on the log, by name only.
      log(`${new Date().toISOString()} internal error: ${(error as Error)?.name ?? 'unknown'}`);
      return send(500, { error: 'internal_error', message: 'the enrollment could not be made' });
    }
  };

  // The last line of defence: whatever a request does, the handler answers it and never rejects, since a rejected
  // promise takes Node's process down (srvx leaves it unhandled) and gives other runtimes' own error pages.
  return async (request) => {
    try {
      return await answer(request);
    } catch (error) {
      log(`${new Date().toISOString()} internal error: ${(error as Error)?.name ?? 'unknown'}`);
      return new Response(`${JSON.stringify({ error: 'internal_error', message: 'the request could not be answered' })}\n`, {
        status: 500,
        headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'application/json; charset=utf-8' },
      });
    }
  };
}
