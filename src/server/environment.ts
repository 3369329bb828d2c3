/**
 * The endpoint's settings as a module worker finds them: in the `env` bindings Cloudflare's runtime passes to
 * `fetch(request, env)` (plain variables and secrets alike), else in the process environment (`Deno.env` on Deno,
 * `process.env` on Node and Bun).
 */

/** The variables a module worker reads. */
export const ENV = {
  /** The API key; on Cloudflare, set it as a secret (`wrangler secret put TOTP_ENROLL_API_KEY`). */
  apiKey: 'TOTP_ENROLL_API_KEY',
  /** `Access-Control-Allow-Origin` to send, e.g. `https://admin.example.com` or `*`. */
  cors: 'TOTP_ENROLL_CORS',
  /** `1` or `true`: serve without an API key, on purpose (the worker's `--public`). */
  public: 'TOTP_ENROLL_PUBLIC',
} as const;

export interface EndpointSettings {
  apiKey: string | undefined;
  cors: string | undefined;
  public: boolean;
}

interface DenoEnvironment {
  env: { get(name: string): string | undefined };
}

/** The settings from `bindings` (the worker's second argument, when it is an env object) or the process environment. */
export function readSettings(bindings: unknown): EndpointSettings {
  // An empty value counts as unset, as dashboards and shells make it easy to set one by accident.
  const read = (name: string) => bindingValue(bindings, name) ?? processValue(name) ?? undefined;
  return {
    apiKey: read(ENV.apiKey),
    cors: read(ENV.cors),
    public: /^(1|true|yes)$/i.test(read(ENV.public) ?? ''),
  };
}

function bindingValue(bindings: unknown, name: string): string | undefined {
  if (typeof bindings !== 'object' || bindings === null) return undefined;
  const value = (bindings as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function processValue(name: string): string | undefined {
  const deno = (globalThis as { Deno?: DenoEnvironment }).Deno;
  try {
    // Deno without --allow-env throws here: the variable is then unset, and an endpoint without its key fails closed.
    const value = deno ? deno.env.get(name) : (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}
