/// <reference types="chrome" />
/**
 * The toolbar popup: a `<totp-generator>` for the site in the active tab, with the user's last settings.
 *
 * What the popup keeps where: the secret only in this page's memory (inside the element) — closing the popup forgets
 * it; account name, digits, period and algorithm in `chrome.storage.local`; the issuer nowhere (it comes from the tab).
 */
// First: starts reading settings and the active tab, so that runs while the rest is evaluated.
import { popupContext } from './popup-context.js';
import '../element/define.js';
import { en as englishStrings } from '../element/strings.js';
import { parseParameters } from '../core/index.js';
import { elementStrings, localizePage } from './i18n.js';
import { saveSettings, toPopupSettings, type PopupSettings } from './settings.js';

const getMessage = (name: string, substitutions?: string | string[]) => chrome.i18n.getMessage(name, substitutions);
localizePage(document, getMessage);

const form = document.querySelector<HTMLFormElement>('#settings')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

const [settings, issuer] = await popupContext;
field('issuer').value = issuer;
field('accountName').value = settings.accountName;
field('digits').value = String(settings.digits);
field('period').value = String(settings.period);
field('algorithm').value = settings.algorithm;

// The element is created only now, with its final parameters, so it generates one secret rather than one for the
// defaults first.
const generator = document.createElement('totp-generator');
generator.strings = elementStrings(englishStrings, getMessage);
applyParameters();
document.querySelector('#generator')!.append(generator);
// A User Timing mark when the first code and QR code are on the page (the element's first render holds both):
// visible in the browser's performance tools, and what bench/popup.bench.ts reads. Nothing else depends on it.
void generator.updateComplete.then(() => performance.mark('totp-enroll:popup-ready'));

form.addEventListener('input', () => {
  applyParameters();
  const remembered = formSettings();
  if (remembered) void saveSettings(chrome.storage.local, remembered);
});
// Enter in a text field would submit the form and reload the popup, losing the secret.
form.addEventListener('submit', (event) => event.preventDefault());

/** Form → element attributes; the element validates them and shows its own error for a bad value. */
function applyParameters(): void {
  generator.setAttribute('issuer', field('issuer').value);
  generator.setAttribute('account-name', field('accountName').value);
  generator.setAttribute('digits', field('digits').value);
  generator.setAttribute('period', field('period').value);
  generator.setAttribute('algorithm', field('algorithm').value);
}

/** The settings to remember, or undefined while the form holds a value the core refuses (mid-typing, say). */
function formSettings(): PopupSettings | undefined {
  try {
    const parameters = parseParameters({
      accountName: field('accountName').value,
      digits: field('digits').value,
      period: field('period').value,
      algorithm: field('algorithm').value,
    });
    return toPopupSettings(parameters);
  } catch {
    return undefined;
  }
}
