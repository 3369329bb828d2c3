/**
 * Whether this page may use WebCrypto, which computes the codes. Browsers expose `crypto.subtle` only in secure
 * contexts (https:, localhost, and — in the browsers we test — file:), so a page opened some other way must say why
 * it cannot work instead of failing blank.
 */

/** A plain-words explanation when WebCrypto is unavailable, else undefined. */
export function webCryptoProblem(scope: { isSecureContext?: boolean; crypto?: Crypto; location?: Location } = globalThis): string | undefined {
  if (scope.isSecureContext !== false && scope.crypto?.subtle) return undefined;
  const protocol = scope.location?.protocol;
  if (protocol === 'file:') {
    return 'This browser does not allow WebCrypto for pages opened from disk, so no codes can be computed here. Open this file in current Chromium or Firefox, or serve it over https:// or from http://localhost.';
  }
  return 'WebCrypto is not available here: the browser allows it only on https:// pages, on http://localhost and on files opened from disk. Open this page over https:// (a plain http:// address on your network, e.g. from a phone, is not enough).';
}
