/// <reference types="chrome" />
/**
 * The saved-accounts chunk's entry: popup.ts imports this at the first need — some accounts are saved (the count it
 * read at open), Save was pressed, or the background asked for a step — and never otherwise, so a popup with nothing
 * saved loads none of the store's code or of this UI.
 */
import type { GetMessage } from '../i18n.js';
import { activeTabSite } from './active-tab-site.js';
import { fillSavedCode } from './fill-saved-code.js';
import { SavedAccounts } from './saved-accounts.js';
import { chromeVault } from '../vault/chrome-vault.js';
import { onVaultChange } from '../vault/status.js';

export type { KeyToSave, OpenStep } from './saved-accounts.js';

/** Creates `<saved-accounts>` in `container`, for the active tab's site, and shows the store as it is. */
export async function mountSavedAccounts(
  container: HTMLElement,
  getMessage: GetMessage,
  /** Hides the rest of the popup while a screen of its own is open. */
  onFullScreen: (full: boolean) => void,
): Promise<SavedAccounts> {
  // User Timing marks for the browser's performance tools and bench/popup.bench.ts; nothing depends on them.
  performance.mark('totp-enroll:saved-loaded');
  const site = activeTabSite(chrome.tabs);
  SavedAccounts.define();
  const view = container.ownerDocument.createElement('saved-accounts');
  view.vault = chromeVault();
  view.getMessage = getMessage;
  view.site = await site;
  view.fill = (code) => fillSavedCode(code, getMessage);
  view.onFullScreen = onFullScreen;
  // Hidden until start() has read the store and picked the screen.
  view.hidden = true;
  container.append(view);
  container.hidden = false;
  await view.start();
  onVaultChange(chrome.storage.onChanged, () => void view.storeChanged());
  return view;
}
