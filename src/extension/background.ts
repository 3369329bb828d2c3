/// <reference types="chrome" />
/**
 * The extension's background script, for one thing only: the "read-page" shortcut (Alt+Shift+R unless the user
 * changed it) pressed while the popup is closed. It asks the popup to read the page (read-request.ts) and opens it;
 * the popup then reads exactly as if "Read from this page" had been clicked. The key press gives the extension the
 * same activeTab grant for the tab as a click on the toolbar button, which is what the capture rides on.
 *
 * It holds nothing: no state, no page data, no key, no network; it wakes only for the shortcut. Built as one
 * self-contained file (scripts/build-extension.mjs) — Chrome runs it as the service worker, Firefox as a background
 * script.
 */
import { requestRead, withdrawReadRequest } from './read-request.js';

chrome.commands.onCommand.addListener((command) => {
  if (command !== 'read-page') return;
  // Both calls start before anything is awaited: Firefox lets an extension open its popup only while it handles the
  // user's key press, and the request is on its way to storage before the popup, which starts after this, looks.
  const requested = requestRead(chrome.storage.session, Date.now());
  // No popup opened (Chrome before 127, no focused browser window, or the popup was already open — which has then
  // taken the request itself): the request is withdrawn, so that the next click on the button does not read by
  // surprise. The shortcut then does nothing visible; the button's Read still works.
  openPopup()
    .catch(() => requested.then(() => withdrawReadRequest(chrome.storage.session)))
    .catch(() => undefined);
});

/** `action.openPopup()`, or a rejection where the browser has no such function. */
function openPopup(): Promise<void> {
  try {
    return chrome.action.openPopup();
  } catch (error) {
    return Promise.reject(error);
  }
}
