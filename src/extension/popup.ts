/// <reference types="chrome" />
/**
 * The toolbar popup: a `<totp-generator>` for the site in the active tab, with the user's last settings; and, for
 * testing a sign-up page, "Read from this page" (the QR code on screen), "Paste a key" and "Fill code into page".
 *
 * What the popup keeps where: the secret only in this page's memory (inside the element) — closing the popup forgets
 * it; account name, digits, period and algorithm in `chrome.storage.local`; the issuer nowhere (it comes from the tab).
 * A key read or pasted is never stored, logged or sent: it lives in `<read-enrollment>` until the popup closes —
 * unless the developer presses "Save as test account", which hands it to the encrypted store (saved/, vault/).
 */
// First: starts reading settings and the active tab, so that runs while the rest is evaluated.
import { popupContext } from './popup-context.js';
import { readVaultState } from './vault/status.js';
import { takeFillRequests } from './vault/fill-request.js';
import '../element/define.js';
import { en as englishStrings } from '../element/strings.js';
import { parseKeyUri, parseParameters } from '../core/index.js';
import { elementStrings, localizePage } from './i18n.js';
import { saveSettings, toPopupSettings, type PopupSettings } from './settings.js';
import { takeReadRequests } from './read-request.js';
import type { PageTools } from './page-tools.js';
import type { ReadEnrollment } from './read-view.js';
import type { TimeLabHandle } from './time-lab.js';
import type { KeyToSave, SavedAccounts } from './saved/saved-accounts.js';

// Whether anything is saved — the number of records and whether they are unlocked, all the popup reads about saved
// accounts at open (status.ts: no crypto, no decryption). Started first, so that the saved accounts' chunk, when
// there are any, loads alongside the element.
const vaultState = readVaultState(chrome.storage.local, chrome.storage.session).catch(() => undefined);
const getMessage = (name: string, substitutions?: string | string[]) => chrome.i18n.getMessage(name, substitutions);
localizePage(document, getMessage);

// Saved test accounts: their UI and the store's code are a chunk of their own (saved/saved-accounts-ui.ts), loaded only when some
// are saved or "Save as test account" is pressed; with nothing saved, opening the popup costs one storage read.
let savedAccounts: Promise<SavedAccounts> | undefined;
function saved(): Promise<SavedAccounts> {
  savedAccounts ??= import('./saved/saved-accounts-ui.js').then(({ mountSavedAccounts }) =>
    mountSavedAccounts(document.querySelector('#vault')!, getMessage, (full) => {
      document.querySelector<HTMLElement>('#workspace')!.hidden = full;
    }),
  );
  return savedAccounts;
}
// Started before the settings and the element are awaited: with accounts saved, their chunk loads meanwhile.
void vaultState.then((state) => {
  if (state && state.state !== 'empty') void saved();
});

const form = document.querySelector<HTMLFormElement>('#settings')!;
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

const [settings, issuer] = await popupContext;
field('issuer').value = issuer;
field('accountName').value = settings.accountName;
field('digits').value = String(settings.digits);
field('period').value = String(settings.period);
field('algorithm').value = settings.algorithm;
// "Submit after filling" sits by the Fill button, outside the settings form, and is remembered with the settings.
const fillSubmit = document.querySelector<HTMLInputElement>('#fill-submit')!;
fillSubmit.checked = settings.fillSubmit;
fillSubmit.addEventListener('change', () => {
  const remembered = formSettings();
  if (remembered) void saveSettings(chrome.storage.local, remembered);
});

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
    return toPopupSettings({ ...parameters, fillSubmit: fillSubmit.checked });
  } catch {
    return undefined;
  }
}

// Read from this page, paste a key, fill the code in: page-tools.ts and what it needs are a chunk of their own,
// loaded at the first use of any of them, so that opening the popup costs nothing more than these listeners.
let pageTools: Promise<PageTools> | undefined;
function tools(): Promise<PageTools> {
  pageTools ??= import('./page-tools.js').then(({ PageTools }) => new PageTools(document, generator, getMessage, () => formParameters(), () => fillSubmit.checked));
  return pageTools;
}

document.querySelector('#read')!.addEventListener('click', () => void tools().then((each) => each.readPage()));
document.querySelector('#fill')!.addEventListener('click', () => {
  // Where bench/popup-fill.bench.ts starts its clock.
  performance.mark('totp-enroll:fill-clicked');
  fillOnShow(false);
});
document.querySelector('#fill-confirm')!.addEventListener('click', () => fillOnShow(true));
/** Fill of the code on show. With the lab's clock offset set, the generator already shows the shifted code; the fill message says so. */
function fillOnShow(confirmed: boolean): void {
  void Promise.all([tools(), lab?.then((each) => each.offsetNote()) ?? '']).then(([each, note]) => each.fillPage({ confirmed, note }));
}
document.querySelector('#paste-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  void tools().then((each) => each.showPasted());
});
// The second shortcut (manifest `commands`, "read-page"). The background script hears it and leaves a request in
// session storage (read-request.ts), then opens the popup if it is closed: this popup takes the request waiting when
// it opened, and each one made while it is open. Looked at only once the first code is on screen, so opening the
// popup is not slowed by it. The same keys pressed inside the popup, where the browser may not report them as the
// command, are matched against the shortcut the user has set (chrome://extensions/shortcuts).
// The third shortcut ("fill-code") when it could not fill by itself (locked, several accounts for the site, none):
// the background asks, the same way, for the popup at the step needed (vault/fill-request.ts).
void generator.updateComplete.then(() => takeFillRequests(chrome.storage.session, chrome.storage.onChanged, (step) => void saved().then((each) => each.openAt(step))));
void generator.updateComplete.then(() => takeReadRequests(chrome.storage.session, chrome.storage.onChanged, () => void tools().then((each) => each.readPage())));
const readShortcut = chrome.commands
  .getAll()
  .then((commands) => commands.find((command) => command.name === 'read-page')?.shortcut ?? '')
  .catch(() => '');
document.addEventListener('keydown', (event) => {
  void readShortcut.then((shortcut) => {
    if (shortcut !== '' && matchesShortcut(event, shortcut)) void tools().then((each) => each.readPage());
  });
});

// The time-window lab: a chunk of its own too, loaded when its section is first opened (never at the popup's opening).
let lab: Promise<TimeLabHandle> | undefined;
const labSection = document.querySelector<HTMLDetailsElement>('#lab')!;
labSection.addEventListener('toggle', () => {
  if (labSection.open) void timeLab();
});
function timeLab(): Promise<TimeLabHandle> {
  lab ??= import('./time-lab.js').then(({ openTimeLab }) =>
    openTimeLab({
      document,
      getMessage,
      generator,
      container: document.querySelector('#lab-view')!,
      // A saved account opened (its own read-enrollment, in #vault) is the key on show while it is on screen.
      keyOnShow: () => {
        const account = document.querySelector<ReadEnrollment>('#vault read-enrollment');
        return account?.isConnected && account.getClientRects().length > 0 ? account.enrollment : undefined;
      },
      fill: (code, note) => tools().then((each) => each.fillCode(code, note)),
    }),
  );
  return lab;
}

document.querySelector('#save')!.addEventListener('click', () => {
  // No key when the settings form holds a value the element refuses: the element already says which.
  void keyOnShow().then(
    (key) => saved().then((each) => each.save(key)),
    () => undefined,
  );
});

/** The key Save saves: the one read or pasted when it is on show, else the popup's own generated enrollment. */
async function keyOnShow(): Promise<KeyToSave> {
  const shown = pageTools ? (await pageTools).shownEnrollment : undefined;
  const { parameters, secret } = shown ?? parseKeyUri(generator.uri);
  return { ...parameters, secret: secret.base32 };
}

/** The form's values as the core takes them: what a pasted bare secret is enrolled with. */
function formParameters() {
  return {
    issuer: field('issuer').value,
    accountName: field('accountName').value,
    digits: field('digits').value,
    period: field('period').value,
    algorithm: field('algorithm').value,
  };
}

/** Whether a key press is the shortcut as the browser writes it ("Alt+Shift+R", "Ctrl+Shift+9", "MacCtrl+…"). */
function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!.toUpperCase();
  const wants = (name: string) => parts.includes(name);
  return (
    event.altKey === wants('Alt') &&
    event.shiftKey === wants('Shift') &&
    event.ctrlKey === (wants('Ctrl') || wants('MacCtrl')) &&
    event.metaKey === wants('Command') &&
    (event.key.toUpperCase() === key || event.code === `Key${key}` || event.code === `Digit${key}`)
  );
}
