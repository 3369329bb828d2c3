/**
 * The issuer suggested for a new enrollment: the hostname of the site in the active tab.
 *
 * The popup reads the tab's URL through the `activeTab` permission only: clicking the toolbar button (or pressing the
 * shortcut) grants the extension that one tab for the moment, so `chrome.tabs.query` returns its `url`. Without that
 * grant — the popup opened some other way — `url` is absent and the issuer stays empty. No host permissions, no
 * content scripts, no `tabs` permission.
 */

/** Schemes whose pages belong to a site; everything else (chrome:, about:, file:, extension pages, data:) does not. */
const SITE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The readable site name in `url` — its hostname without a leading `www.` or a trailing dot — or `''` for browser
 * pages, new tabs, files and anything that cannot be an issuer. IDN hostnames stay in their ASCII (punycode) form:
 * that is what the browser's address bar vouches for, and it keeps look-alike characters out of the label.
 */
export function issuerFromUrl(url: string | undefined): string {
  if (url === undefined || url === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (!SITE_PROTOCOLS.has(parsed.protocol)) return '';
  const hostname = parsed.hostname.replace(/\.$/, '').replace(/^www\./, '');
  // IPv6 literals ("[::1]") contain colons, which the Key URI label cannot carry.
  if (hostname === '' || hostname.includes(':')) return '';
  return hostname;
}

/** The part of `chrome.tabs` the popup uses; a parameter so tests can pass a fake. */
export interface TabQuery {
  query(queryInfo: { active: true; currentWindow: true }): Promise<{ url?: string | undefined }[]>;
}

/**
 * The issuer for the active tab of the popup's own window. `currentWindow` is the window the popup is attached to —
 * the one whose toolbar button was clicked — which is where the user is looking, even if another window was focused
 * last. A failed query yields `''`: a missing suggestion must not stop the popup.
 */
export async function activeTabIssuer(tabs: TabQuery): Promise<string> {
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return issuerFromUrl(tab?.url);
  } catch {
    return '';
  }
}
