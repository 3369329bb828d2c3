/**
 * The one mistake types cannot catch: `<totp-generator>` in a page whose script imported the class (or only the types)
 * but never registered the tag, so the element stays an empty unknown element. Once the page has loaded and settled,
 * if such an element is still not defined, the console says how to register it. Servers (no document) skip this; a
 * page that registers the class under its own name has no `<totp-generator>` and hears nothing.
 */
export const UNREGISTERED_MESSAGE =
  "<totp-generator> is on the page but not registered, so it shows nothing: import 'totp-enroll/define' (or register the class from 'totp-enroll/element' under that name yourself), or load totp-generator.bundle.js.";

/** How long after the page's load a registration may still come (lazy imports, frameworks mounting late). */
export const UNREGISTERED_GRACE_MS = 2000;

export function warnWhenUnregistered(graceMs = UNREGISTERED_GRACE_MS): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  const check = () =>
    setTimeout(() => {
      if (!customElements.get('totp-generator') && document.querySelector('totp-generator')) {
        // eslint-disable-next-line no-console -- the developer's console is the only place this message can reach.
        console.error(UNREGISTERED_MESSAGE);
      }
    }, graceMs);
  if (document.readyState === 'complete') check();
  else addEventListener('load', check, { once: true });
}
