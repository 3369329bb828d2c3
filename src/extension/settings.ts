/**
 * The popup's remembered choices: account name, digits, period and algorithm, and whether Fill also submits — and
 * nothing else. The secret and the
 * issuer (which belongs to the tab, not to the user) are never stored; {@link toStoredSettings} builds the stored
 * object field by field so nothing else can slip in.
 */
import { ALGORITHMS, DEFAULT_PARAMETERS, PERIOD_MAX, PERIOD_MIN, type Algorithm, type Digits } from '../core/index.js';

/** The one key the popup writes in `chrome.storage.local`. */
export const SETTINGS_KEY = 'settings';

export interface PopupSettings {
  accountName: string;
  digits: Digits;
  period: number;
  algorithm: Algorithm;
  /** "Submit after filling": after a fill the page kept, submit the field's form as Enter would. Off by default. */
  fillSubmit: boolean;
}

/** The universal defaults (SHA1 / 6 / 30) and a placeholder account that authenticator apps accept. */
export const DEFAULT_SETTINGS: Readonly<PopupSettings> = {
  accountName: 'user@example.com',
  digits: DEFAULT_PARAMETERS.digits,
  period: DEFAULT_PARAMETERS.period,
  algorithm: DEFAULT_PARAMETERS.algorithm,
  fillSubmit: false,
};

/** The part of `chrome.storage.local` the popup uses; a parameter so tests can pass a fake. */
export interface SettingsStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Settings from whatever is in storage: each field is taken only if it is valid, else its default. Storage written by
 * an older version, or edited by hand, must not break the popup.
 */
export function toPopupSettings(stored: unknown): PopupSettings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const { accountName, digits, period, algorithm, fillSubmit } = record;
  return {
    accountName: typeof accountName === 'string' && accountName.length <= 256 ? accountName : DEFAULT_SETTINGS.accountName,
    digits: digits === 6 || digits === 8 ? digits : DEFAULT_SETTINGS.digits,
    period: Number.isInteger(period) && (period as number) >= PERIOD_MIN && (period as number) <= PERIOD_MAX ? (period as number) : DEFAULT_SETTINGS.period,
    algorithm: ALGORITHMS.includes(algorithm as Algorithm) ? (algorithm as Algorithm) : DEFAULT_SETTINGS.algorithm,
    fillSubmit: typeof fillSubmit === 'boolean' ? fillSubmit : DEFAULT_SETTINGS.fillSubmit,
  };
}

/** Exactly the remembered fields, copied one by one: a wider object passed in cannot add a secret to storage. */
export function toStoredSettings(settings: PopupSettings): PopupSettings {
  return { accountName: settings.accountName, digits: settings.digits, period: settings.period, algorithm: settings.algorithm, fillSubmit: settings.fillSubmit === true };
}

export async function loadSettings(storage: SettingsStorage): Promise<PopupSettings> {
  const items = await storage.get(SETTINGS_KEY);
  return toPopupSettings(items[SETTINGS_KEY]);
}

export async function saveSettings(storage: SettingsStorage, settings: PopupSettings): Promise<void> {
  await storage.set({ [SETTINGS_KEY]: toStoredSettings(settings) });
}
