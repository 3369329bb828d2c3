/// <reference types="chrome" />
/**
 * The extension's background script, for three things:
 * - the "read-page" shortcut (Alt+Shift+R unless the user changed it) pressed while the popup is closed. It asks the
 *   popup to read the page (read-request.ts) and opens it; the popup then reads exactly as if "Read from this page"
 *   had been clicked. The key press gives the extension the same activeTab grant for the tab as a click on the toolbar
 *   button, which is what the capture rides on.
 * - the "fill-code" shortcut (Alt+Shift+F): fills the current code of this site's one saved account, or opens the
 *   popup at the step needed (fill-shortcut.ts).
 * - auto-lock of the saved accounts on time while no popup is open: the `vault-auto-lock` alarm (vault/vault.ts sets
 *   it at each use).
 *
 * It holds nothing in memory: no page data, no key; the data key of an unlocked store is read from session storage
 * when a shortcut needs it. No network. Built as one self-contained file (scripts/build-extension.mjs) — Chrome runs
 * it as the service worker, Firefox as a background script.
 */
import type { BackgroundMessage } from './background-messages.js';
import { fillTab } from './fill-tab.js';
import { handleFillShortcut, type FillShortcutOutcome } from './fill-shortcut.js';
import { requestRead, withdrawReadRequest } from './read-request.js';
import { chromeVault } from './vault/chrome-vault.js';
import { requestFillStep, withdrawFillRequest } from './vault/fill-request.js';
import { AUTO_LOCK_ALARM } from './vault/status.js';

/** How long the badge shows the fill shortcut's outcome. */
const BADGE_MS = 4_000;

chrome.commands.onCommand.addListener((command) => {
  if (command === 'read-page') readPage();
  else if (command === 'fill-code') void fillCode();
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === AUTO_LOCK_ALARM) void chromeVault().lockIfIdle().catch(() => undefined);
});

// Browser start: session storage starts empty (so the store is locked); the alarm of the last session, which browsers
// may keep, is cleared with it.
chrome.runtime.onStartup.addListener(() => void chromeVault().lock().catch(() => undefined));

function readPage(): void {
  // Both calls start before anything is awaited: Firefox lets an extension open its popup only while it handles the
  // user's key press, and the request is on its way to storage before the popup, which starts after this, looks.
  const requested = requestRead(chrome.storage.session, Date.now());
  // No popup opened (Chrome before 127, no focused browser window, or the popup was already open — which has then
  // taken the request itself): the request is withdrawn, so that the next click on the button does not read by
  // surprise. The shortcut then does nothing visible; the button's Read still works.
  openPopup()
    .catch(() => requested.then(() => withdrawReadRequest(chrome.storage.session)))
    .catch(() => undefined);
}

/** Exported for the tests' sake only through the command: they deliver "fill-code" as Chromium would. */
async function fillCode(): Promise<FillShortcutOutcome> {
  const vault = chromeVault();
  return handleFillShortcut({
    activeTab: async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    vaultState: () => vault.state(),
    accountsForSite: (site) => vault.accountsForSite(site),
    fillTab: (tabId, code) => fillTab(tabId, code),
    openPopupAt: async (step) => {
      await requestFillStep(chrome.storage.session, step, Date.now());
      try {
        await openPopup();
        return true;
      } catch {
        // Firefox opens a popup only inside the key press's handler, which has passed once the store was looked at;
        // Chrome before 127 has no openPopup. The badge says "open the popup" instead; the request is withdrawn.
        await withdrawFillRequest(chrome.storage.session).catch(() => undefined);
        return false;
      }
    },
    report: (outcome, tabId) => void showOutcome(outcome, tabId),
    now: Date.now,
    sleep: (ms) => new Promise((resume) => setTimeout(resume, ms)),
  }).catch(() => ({ kind: 'refused' }) as const);
}

/** The badge for a few seconds: a tick for a fill, a cross for nothing filled; its title (tooltip) says why. */
async function showOutcome(outcome: FillShortcutOutcome, tabId: number | undefined): Promise<void> {
  if (outcome.kind === 'popup' && outcome.opened) return;
  const message: BackgroundMessage =
    outcome.kind === 'filled'
      ? 'shortcutFilled'
      : outcome.kind === 'browser-page'
        ? 'shortcutBrowserPage'
        : outcome.kind === 'refused'
          ? 'shortcutRefused'
          : outcome.kind === 'popup'
            ? 'shortcutOpenPopup'
            : outcome.result.filled
              ? 'shortcutFilled'
              : (outcome.result.reason === 'frame-cross-site' || outcome.result.reason === 'frame-same-site' || outcome.result.reason === 'field-out-of-reach')
                ? 'shortcutCrossOriginFrame'
                : outcome.result.reason === 'several-fields'
                  ? 'shortcutSeveralFields'
                  : 'shortcutNoField';
  const details = tabId === undefined ? {} : { tabId };
  const filled = outcome.kind === 'filled';
  await Promise.all([
    chrome.action.setBadgeText({ ...details, text: filled ? '✓' : '✗' }),
    chrome.action.setBadgeBackgroundColor({ ...details, color: filled ? '#1a7f37' : '#b42318' }),
    chrome.action.setTitle({ ...details, title: chrome.i18n.getMessage(message) }),
  ]);
  await new Promise((resume) => setTimeout(resume, BADGE_MS));
  // Back to no badge and the manifest's title.
  await Promise.all([chrome.action.setBadgeText({ ...details, text: '' }), chrome.action.setTitle({ ...details, title: chrome.i18n.getMessage('actionTitle') })]).catch(() => undefined);
}

/** `action.openPopup()`, or a rejection where the browser has no such function. */
function openPopup(): Promise<void> {
  try {
    return chrome.action.openPopup();
  } catch (error) {
    return Promise.reject(error);
  }
}
