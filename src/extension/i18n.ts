/**
 * Every user-visible string of the popup comes from `_locales/<lang>/messages.json` through `chrome.i18n`: the page's
 * own labels (marked with `data-i18n*` attributes in popup.html) and the element's strings (messages named
 * `element_<key>`, one per key of the element's English strings).
 */

/** `chrome.i18n.getMessage`: the message in the browser's language, falling back to English, or `''` if unknown. */
export type GetMessage = (name: string, substitutions?: string | string[]) => string;

/**
 * Fills in the page's strings: `data-i18n="name"` sets the text, `data-i18n-<attribute>="name"` sets that attribute
 * (`aria-label`, `title`, `placeholder`). Also the document's language — that of the messages actually used, which
 * is English when the browser's language has no catalogue — and direction, for screen readers and RTL.
 */
export function localizePage(document: Document, getMessage: GetMessage): void {
  document.documentElement.lang = getMessage('element_lang') || 'en';
  // "@@bidi_dir" is predefined by the browser: "ltr" or "rtl" for the UI language.
  document.documentElement.dir = getMessage('@@bidi_dir') || 'ltr';
  for (const element of document.querySelectorAll<HTMLElement>('*')) {
    for (const attribute of [...element.attributes]) {
      if (!attribute.name.startsWith('data-i18n')) continue;
      const text = getMessage(attribute.value);
      // A missing message keeps the English text written in popup.html; test/extension/locales checks none is missing.
      if (text === '') continue;
      const target = attribute.name.slice('data-i18n'.length).replace(/^-/, '');
      if (target === '') element.textContent = text;
      else element.setAttribute(target, text);
    }
  }
}

/**
 * The element's strings in the browser's language. Plain strings map to messages of the same key; a string that is a
 * function of values (say, seconds left) maps to a message with `$1`, `$2`, … placeholders.
 */
export function elementStrings<Strings extends object>(english: Strings, getMessage: GetMessage): Partial<Strings> {
  const strings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(english)) {
    const name = `element_${key}`;
    // Only keys with a message: the element keeps its English for the rest rather than showing a blank.
    if (getMessage(name, ['0', '0', '0']) === '') continue;
    if (typeof value === 'function') {
      strings[key] = (...values: unknown[]) => getMessage(name, values.map(String));
    } else if (typeof value === 'string') {
      strings[key] = getMessage(name);
    }
  }
  return strings as Partial<Strings>;
}
