/// <reference types="chrome" />
/**
 * The store on the browser's own storage: `storage.local` for the encrypted store, `storage.session` for the data
 * key while unlocked, `alarms` for auto-lock on time. The popup and the background script each make one with this;
 * they share the store through storage, not through memory.
 */
import { Vault, type VaultOptions } from './vault.js';

export function chromeVault(options: Partial<VaultOptions> = {}): Vault {
  return new Vault({ local: chrome.storage.local, session: chrome.storage.session, alarms: chrome.alarms, ...options });
}
