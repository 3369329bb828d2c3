/**
 * The site accounts are saved for and listed by: scheme + host + port of the active tab (`http://localhost:3000`
 * and `http://localhost:5173` are two sites), or null for pages that belong to no site (browser pages, new tabs,
 * files, extension pages) — the store's `siteOf`. Read through the activeTab grant of the click that opened the
 * popup, as the issuer is. Also: a site typed by hand when an account is moved.
 */
import type { TabQuery } from '../active-tab-issuer.js';
import { siteOf } from '../vault/site.js';

export async function activeTabSite(tabs: TabQuery): Promise<string | null> {
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return siteOf(tab?.url);
  } catch {
    return null;
  }
}

/**
 * A site as typed when moving an account: null (no site) for an empty field, the origin (scheme://host:port) of an
 * http(s) address, and undefined for anything else. "localhost:3000" without a scheme is taken as http://.
 */
export function normalSite(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // Chromium's URL parser takes "http://not a site" (escaping the spaces into the host); no site has a space.
  if (/\s/.test(trimmed)) return undefined;
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`) ?? undefined;
}
