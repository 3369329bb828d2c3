/**
 * `totp-enroll/server`: the hosted `GET /v1/auth/totp-generate` endpoint as a web-standard fetch handler.
 *
 * - `createFetchHandler(options)` → `(request: Request) => Promise<Response>`, to mount in any server or framework.
 * - The default export is a module worker (`export default { fetch }`) that reads its settings from the runtime's
 *   environment: load the built `dist/server.js` with `deno serve`, Cloudflare Workers (workerd) or Bun as it is.
 *
 * Only functions and types are exported besides the default: workerd takes every named export of a worker's main
 * module for an entrypoint and refuses to load one that is a plain value (a string constant, say).
 *
 * This layer depends on the core only: no Node module, no DOM.
 */
export { createFetchHandler, type FetchHandler, type FetchHandlerOptions, type ErrorBody } from './handler.js';
export { readSettings, type EndpointSettings } from './environment.js';
export { default } from './worker.js';
