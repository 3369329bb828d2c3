/**
 * The copy-paste snippet the demo page shows: the self-registering script and the element with the attributes the
 * visitor chose. Values are HTML-escaped, so whatever someone types into the demo cannot break out of the snippet.
 */
import { DEFAULT_PARAMETERS } from '../core/index.js';
import { ATTRIBUTE_FOR, type PrefillName } from './query-prefill.js';

/** Where the snippet says the script lives; people copy dist/totp-generator.bundle.js next to their own pages. */
export const BUNDLE_FILE = 'totp-generator.bundle.js';

const DEFAULTS: Partial<Record<PrefillName, string>> = {
  digits: String(DEFAULT_PARAMETERS.digits),
  period: String(DEFAULT_PARAMETERS.period),
  algorithm: DEFAULT_PARAMETERS.algorithm,
};

/** `&`, `"`, `<`, `>` as character references: enough for a double-quoted attribute value and for text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The HTML to paste into a page. Parameters at their defaults are left out, as the element assumes them. */
export function embedSnippet(values: Partial<Record<PrefillName, string>>, scriptSrc: string = BUNDLE_FILE): string {
  const attributes = (Object.keys(ATTRIBUTE_FOR) as PrefillName[])
    .filter((name) => values[name] !== undefined && values[name] !== '' && values[name] !== DEFAULTS[name])
    .map((name) => ` ${ATTRIBUTE_FOR[name]}="${escapeHtml(values[name]!)}"`)
    .join('');
  return `<script type="module" src="${escapeHtml(scriptSrc)}"></script>\n<totp-generator${attributes}></totp-generator>`;
}
