/**
 * `totp-enroll serve`: Node's adapter for the endpoint in src/server/. It listens on `node:http` and hands every
 * request to the same fetch handler that Deno and Cloudflare's workerd run (srvx converts between Node's request and
 * response objects and the web-standard ones); the endpoint's rules — route, API key, CORS, errors, headers, log —
 * are all there, none here. What is Node's own: the socket, its timeouts, and a graceful stop.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'srvx/node';
import { ENV } from '../server/environment.js';
import { createFetchHandler, ROUTE, type FetchHandlerOptions } from '../server/handler.js';
import { deflate, hmac } from './enroll.js';

export { ROUTE };
export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** The environment variable that sets the API key, kept out of `ps` listings and shell history. */
export const API_KEY_ENV = ENV.apiKey;

export type ServeOptions = Omit<FetchHandlerOptions, 'deflate'>;

/** Timeouts that keep slow or idle clients from holding connections open for ever (and stalling a graceful stop). */
export const TIMEOUTS = {
  /** A client must send its whole request head within this time. */
  headersMilliseconds: 10_000,
  /** …and its whole request within this time. */
  requestMilliseconds: 30_000,
  /** An idle keep-alive connection is closed after this time. */
  keepAliveMilliseconds: 5_000,
};

/** Servers that stopServer is stopping. */
const stopping = new WeakSet<Server>();

/** The largest `--headers-timeout`, in seconds. */
export const HEADERS_TIMEOUT_MAX = 300;

/** Starts listening; resolves with the server and its URL once bound (port 0 picks a free port). */
export async function startServer(port: number, host: string, options: ServeOptions, timeouts = TIMEOUTS): Promise<{ server: Server; url: string }> {
  // zlib's deflate is several times faster than CompressionStream for the small PNGs of QR codes, and node:crypto's
  // HMAC than WebCrypto's key import and sign.
  const handle = toNodeHandler(createFetchHandler({ ...options, deflate, hmac })) as (request: IncomingMessage, response: ServerResponse) => void;
  // Node checks the headers and request timeouts every connectionsCheckingInterval (30 s by default): at 1 s, a slow
  // client is cut within a second of its timeout rather than up to 30 s later.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (request, response) => {
    // While stopping, every answer says `Connection: close`, so that keep-alive clients take their next request
    // elsewhere instead of keeping the connection (and the stop) going until the grace period cuts it.
    if (stopping.has(server)) response.shouldKeepAlive = false;
    handle(request, response);
  });
  // A client may end its side of the connection (FIN) as soon as its request is sent (`nc -N`, some proxies and
  // HTTP/1.0 tools): Node then aborts the request and ends the socket at once unless half-open sockets are allowed,
  // and an answer that takes an await (the API key's hash, the PNG) never reaches the client. With this, the answer is
  // written and the socket closed after it. (Node's own switch for it; @types/node does not list it.)
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.headersTimeout = timeouts.headersMilliseconds;
  server.requestTimeout = timeouts.requestMilliseconds;
  server.keepAliveTimeout = timeouts.keepAliveMilliseconds;
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

/** How a stop drains the listen queue before closing the listener. */
export const DRAIN = {
  /** The listener closes once no connection has come for this long… */
  quietMilliseconds: 100,
  /** …or this long after the signal, whichever is first, so that a steady stream of clients cannot hold it open. */
  maxMilliseconds: 2_000,
};

/**
 * Stops gracefully: takes in the connections the kernel already accepted, closes the listener, lets requests in
 * progress finish, and drops idle keep-alive connections.
 *
 * The kernel completes connections before Node takes them off the listen queue, and closing the listener resets every
 * connection still on it: in a burst, clients that were connected — and had sent their request — got a reset. So the
 * listener stays open until no connection has come for `quietMilliseconds` (at most `maxMilliseconds`); every answer
 * given meanwhile says `Connection: close`, so the clients take their next request elsewhere.
 */
export function stopServer(server: Server, graceMilliseconds = 5_000, drain = DRAIN): Promise<void> {
  stopping.add(server);
  const started = performance.now();
  let lastConnection = started;
  const onConnection = () => (lastConnection = performance.now());
  server.on('connection', onConnection);
  return new Promise((resolve) => {
    const closeWhenQuiet = () => {
      // Run after a poll phase (setImmediate), so connections waiting on the queue have been taken in and counted.
      setImmediate(() => {
        const now = performance.now();
        const quietFor = now - lastConnection;
        if (quietFor < drain.quietMilliseconds && now - started < drain.maxMilliseconds) {
          setTimeout(closeWhenQuiet, drain.quietMilliseconds - quietFor);
          return;
        }
        server.off('connection', onConnection);
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMilliseconds).unref();
      });
    };
    closeWhenQuiet();
  });
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
