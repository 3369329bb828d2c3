/**
 * The endpoint as a module worker, `export default { fetch }`: the shape Cloudflare Workers (workerd), `deno serve`
 * and Bun load directly. Its settings come from the runtime's environment (see environment.ts).
 *
 * It fails closed: with no API key and no explicit `TOTP_ENROLL_PUBLIC=1`, every request gets a 500 naming the missing
 * setting. A worker is usually reachable from the whole internet, and an open endpoint should be a decision.
 */
import { createFetchHandler, type FetchHandler } from './handler.js';
import { TotpParameterError } from '../core/index.js';
import { ENV, readSettings, type EndpointSettings } from './environment.js';

let cached: { key: string; handler: FetchHandler } | undefined;

function handlerFor(settings: EndpointSettings): FetchHandler {
  // One handler per distinct settings: the key's hash is computed once, not per request.
  const key = JSON.stringify(settings);
  if (cached?.key !== key) {
    const missingKey = `no API key: set ${ENV.apiKey} (on Cloudflare as a secret), or ${ENV.public}=1 to serve without one`;
    cached = { key, handler: settings.apiKey || settings.public ? endpoint(settings) : notConfigured(missingKey) };
  }
  return cached.handler;
}

function endpoint({ apiKey, cors }: EndpointSettings): FetchHandler {
  try {
    // The runtime's log (stdout on Deno and Bun, the worker's logs on Cloudflare): the handler's lines hold no secret.
    // eslint-disable-next-line no-console -- a worker's log is console.log.
    return createFetchHandler({ apiKey, cors, log: (line) => console.log(line) });
  } catch (error) {
    // A setting that can never work (a CORS value with a line break, a key with a space) is a configuration error:
    // every request is told so, as with a missing key, instead of each one failing on its own.
    if (!(error instanceof TotpParameterError)) throw error;
    const variable = error.field === 'cors' ? ENV.cors : ENV.apiKey;
    return notConfigured(`${variable}: ${error.problem}; expected ${error.allowed}`);
  }
}

const notConfigured = (message: string): FetchHandler => async () => {
  // eslint-disable-next-line no-console -- a worker's log is console.log; the line names settings, not values.
  console.log(`${new Date().toISOString()} not configured: ${message}`);
  return new Response(`${JSON.stringify({ error: 'not_configured', message })}\n`, {
    status: 500,
    headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'application/json; charset=utf-8' },
  });
};

export default {
  /** `bindings`: Cloudflare's `env`; on Deno and Bun the second argument is connection info, and the process environment is read instead. */
  fetch(request: Request, bindings?: unknown): Promise<Response> {
    return handlerFor(readSettings(bindings))(request);
  },
};
