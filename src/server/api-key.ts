/**
 * The API key check: `Authorization: Bearer <key>`, compared in constant time with WebCrypto alone (no `node:crypto`,
 * so that the same check runs on every runtime the handler runs on).
 *
 * Both sides are hashed with SHA-256 first and the digests compared byte by byte without an early exit: the compared
 * inputs always have the same length whatever the caller sends, so neither the key's content nor its length leaks
 * through the time an answer takes.
 */

const BEARER = /^Bearer +(\S+) *$/i;

/** A check of a request's `Authorization` header; resolves true when no key is required. */
export type ApiKeyCheck = (authorization: string | null) => Promise<boolean>;

export function apiKeyCheck(apiKey: string | undefined): ApiKeyCheck {
  if (apiKey === undefined) return () => Promise.resolve(true);
  const expected = sha256(apiKey);
  return async (authorization) => {
    const match = BEARER.exec(authorization ?? '');
    // Hashed even when the header is malformed, so that a malformed header takes as long as a wrong key.
    const same = equalInConstantTime(await sha256(match?.[1] ?? ''), await expected);
    return match !== null && same;
  };
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** Equal-length byte arrays compared with every byte visited, whatever the first difference. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}
