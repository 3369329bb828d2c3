/**
 * `totp-enroll serve`: the hosted `GET /v1/auth/totp-generate` endpoint on your own machine, on plain `node:http`
 * (one route needs no framework), so that the hosted API's curl example works unchanged against it.
 *
 * Every answer carries `Cache-Control: no-store`: a 200 holds a fresh secret, and no cache or proxy may keep it.
 * The request log names the method, the route, the status and the time taken — never the query string (it holds the
 * account name), the body, the secret or the code.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateHostedApiResult, HOSTED_API_PARAMETERS, TotpParameterError } from '../core/index.js';
import { deflate } from './enroll.js';

export const ROUTE = '/v1/auth/totp-generate';
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** The environment variable that sets the API key, kept out of `ps` listings and shell history. */
export const API_KEY_ENV = 'TOTP_ENROLL_API_KEY';

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

export interface ServeOptions {
  /** When set, requests need `Authorization: Bearer <apiKey>`. */
  apiKey?: string | undefined;
  /** `Access-Control-Allow-Origin` to send (an origin, or `*`); no CORS headers when unset. */
  cors?: string | undefined;
  /** Receives one line per request, without a newline. */
  log?: (line: string) => void;
}

/** A JSON error body: a machine-readable `error`, the `parameter` at fault when there is one, and a sentence. */
interface ErrorBody {
  error: 'invalid_parameter' | 'unauthorized' | 'not_found' | 'method_not_allowed' | 'internal_error';
  message: string;
  parameter?: string;
  allowed?: string;
}

/** The request handler, separate from listening so that it can be mounted in another server too. */
export function createHandler({ apiKey, cors, log = () => undefined }: ServeOptions = {}): (request: IncomingMessage, response: ServerResponse) => void {
  // Comparing hashes keeps timingSafeEqual's inputs the same length whatever the caller sends, so neither the key's
  // content nor its length leaks through timing.
  const expectedKeyHash = apiKey === undefined ? undefined : sha256(apiKey);

  const authorized = (header: string | undefined): boolean => {
    if (expectedKeyHash === undefined) return true;
    const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
    const same = timingSafeEqual(sha256(match?.[1] ?? ''), expectedKeyHash);
    return match !== null && same;
  };

  return (request, response) => {
    const started = performance.now();
    // The body of a GET means nothing here; reading it keeps the connection usable for the next request.
    request.resume();
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
    const method = request.method ?? 'GET';

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = body === undefined ? '' : `${JSON.stringify(body)}\n`;
      response.writeHead(status, {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
        // A 204 may carry no Content-Length at all (RFC 9110 §8.6).
        ...(status === 204 ? {} : { 'Content-Length': String(Buffer.byteLength(text)) }),
        ...(cors ? { 'Access-Control-Allow-Origin': cors, Vary: 'Origin' } : {}),
        ...headers,
      });
      response.end(text);
      // Only the route itself is named: other paths are whatever a client sent, and may hold anything.
      const shownPath = path === ROUTE ? ROUTE : '(other path)';
      log(`${new Date().toISOString()} ${method} ${shownPath} ${status} ${(performance.now() - started).toFixed(1)} ms`);
    };
    const fail = (status: number, body: ErrorBody, headers?: Record<string, string>) => send(status, body, headers);

    if (path !== ROUTE) return fail(404, { error: 'not_found', message: `no such path; the endpoint is GET ${ROUTE}` });
    if (method === 'OPTIONS') {
      // CORS preflight (a browser asks before sending Authorization): answered without the key, as browsers send none.
      const preflight: Record<string, string> = cors ? { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Max-Age': '600' } : {};
      return send(204, undefined, { Allow: ALLOWED_METHODS, ...preflight });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return fail(405, { error: 'method_not_allowed', message: `${ROUTE} answers GET only` }, { Allow: ALLOWED_METHODS });
    }
    if (!authorized(request.headers.authorization)) {
      return fail(401, { error: 'unauthorized', message: 'send the API key as "Authorization: Bearer <key>"' }, { 'WWW-Authenticate': 'Bearer realm="totp-enroll"' });
    }
    const params = new URLSearchParams(query);
    for (const name of HOSTED_API_PARAMETERS) {
      if (params.getAll(name).length > 1) {
        return fail(400, { error: 'invalid_parameter', parameter: name, message: `${name}: given more than once; expected one value`, allowed: 'one value' });
      }
    }
    generateHostedApiResult(params, { deflate }).then(
      (result) => send(200, result),
      (error: unknown) => {
        if (error instanceof TotpParameterError) {
          return fail(400, { error: 'invalid_parameter', parameter: error.field, message: error.message, allowed: error.allowed });
        }
        // Never echo an unexpected error: it could carry anything. Say that it happened, on the log, by name only.
        log(`${new Date().toISOString()} internal error: ${(error as Error)?.name ?? 'unknown'}`);
        return fail(500, { error: 'internal_error', message: 'the enrollment could not be made' });
      },
    );
  };
}

/** Starts listening; resolves with the server and its URL once bound (port 0 picks a free port). */
export async function startServer(port: number, host: string, options: ServeOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(createHandler(options));
  // Slow or idle clients must not hold connections open for ever (and stall a graceful shutdown).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}

/** Closes the listener, lets requests in progress finish, and drops idle keep-alive connections at once. */
export function stopServer(server: Server, graceMilliseconds = 5_000): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMilliseconds).unref();
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
