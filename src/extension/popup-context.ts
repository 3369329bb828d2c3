/// <reference types="chrome" />
/**
 * What the popup needs from the browser before it can build the enrollment: the remembered settings and the active
 * tab's issuer. Imported by popup.ts before the element, so these two round trips to the browser are already under
 * way while Lit and the element's code are evaluated.
 */
import { activeTabIssuer } from './active-tab-issuer.js';
import { DEFAULT_SETTINGS, loadSettings, type PopupSettings } from './settings.js';

/** Settings and issuer; unreadable storage means the defaults, since a popup without its settings beats no popup. */
export const popupContext: Promise<[PopupSettings, string]> = Promise.all([
  loadSettings(chrome.storage.local).catch(() => ({ ...DEFAULT_SETTINGS })),
  activeTabIssuer(chrome.tabs),
]);
