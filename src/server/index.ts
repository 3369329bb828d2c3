/**
 * `totp-enroll/server`: the hosted `GET /v1/auth/totp-generate` endpoint as a web-standard fetch handler.
 *
 * - `createFetchHandler(options)` → `(request: Request) => Promise<Response>`, to mount in any server or framework.
 * - The default export is a module worker (`export default { fetch }`) that reads its settings from the runtime's
 *   environment: load the built `dist/server.js` with `deno serve`, Cloudflare Workers (workerd) or Bun as it is.
 *
 * This layer depends on the core only: no Node module, no DOM.
 */
export { createFetchHandler, ROUTE, ALLOWED_METHODS, MAX_URL_BYTES, type FetchHandler, type FetchHandlerOptions, type ErrorBody } from './handler.js';
export { ENV, readSettings, type EndpointSettings } from './environment.js';
export { default } from './worker.js';
