/**
 * An account's site: the scheme, host and port of the page it was saved on — `http://localhost:3000` and
 * `http://localhost:5173` are two sites — or `null` for pages that are not web sites (browser pages, files, the
 * extension's own pages).
 */

/** The site of `url`: its origin for http(s) pages, else `null`. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** A site as given by a user or an import: `null`/empty for none, else it must already be an http(s) origin. */
export function parseSite(site: string | null | undefined): string | null | undefined {
  if (site === null || site === undefined || site === '') return null;
  const origin = siteOf(site);
  // "http://localhost:3000/" is fine; a path, query or another scheme is not a site.
  return origin !== null && (site === origin || site === `${origin}/`) ? origin : undefined;
}
