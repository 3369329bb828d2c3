/**
 * The "fill-code" shortcut's hand-over from the background script to the popup, when it cannot fill by itself: the
 * store is locked, or this site has several saved accounts, or none. The background leaves a request in
 * `chrome.storage.session` and opens the popup (as read-request.ts does for "read-page"); the popup takes it and
 * opens at the step named. Crypto-free and small: the popup may import it when it opens.
 *
 * What is stored: the press's id (its time) and the step — never the site, the tab or anything about an account
 * (session storage counts as storage: nothing about an account in clear, ever). The popup knows the site from the
 * active tab.
 */
import type { RequestStorage, StorageChanges } from '../read-request.js';

export const FILL_REQUEST_KEY = 'vaultFillRequest';
/** Older requests are removed unread, as for read-page. */
export const FILL_REQUEST_MAX_AGE_MS = 10_000;

/**
 * - `unlock`: the store is locked; after unlocking, fill (or pick) for this site;
 * - `pick`: this site has several saved accounts: show them, the user picks one to fill;
 * - `save`: this site has no saved account (or nothing is saved at all): offer to save one (read / paste / new).
 */
export type FillStep = 'unlock' | 'pick' | 'save';

export interface FillRequest {
  readonly pressId: number;
  readonly step: FillStep;
}

/** Background: asks the next (or the open) popup to open at `step`. */
export function requestFillStep(storage: RequestStorage, step: FillStep, pressId: number): Promise<void> {
  return storage.set({ [FILL_REQUEST_KEY]: { pressId, step } satisfies FillRequest });
}

/** Background: takes the request back when no popup opened. */
export function withdrawFillRequest(storage: RequestStorage): Promise<void> {
  return storage.remove(FILL_REQUEST_KEY);
}

function toFillRequest(value: unknown): FillRequest | undefined {
  const request = value as Partial<FillRequest> | undefined;
  return typeof request?.pressId === 'number' && (request.step === 'unlock' || request.step === 'pick' || request.step === 'save') ? { pressId: request.pressId, step: request.step } : undefined;
}

/**
 * Popup: calls `open(step)` once for each request — the one waiting when the popup opened, and each made while it is
 * open — and removes it. Stale requests (older than {@link FILL_REQUEST_MAX_AGE_MS}) are removed unread.
 */
export function takeFillRequests(storage: RequestStorage, changes: StorageChanges, open: (step: FillStep) => void, now: () => number = Date.now): Promise<void> {
  let lastTaken: number | undefined;
  const take = (value: unknown) => {
    const request = toFillRequest(value);
    if (value === undefined || request?.pressId === lastTaken) return;
    lastTaken = request?.pressId;
    void storage.remove(FILL_REQUEST_KEY).catch(() => undefined);
    if (request && now() - request.pressId <= FILL_REQUEST_MAX_AGE_MS) open(request.step);
  };
  changes.addListener((changed, areaName) => {
    if (areaName === 'session' && FILL_REQUEST_KEY in changed) take(changed[FILL_REQUEST_KEY]!.newValue);
  });
  return storage.get(FILL_REQUEST_KEY).then(
    (items) => take(items[FILL_REQUEST_KEY]),
    () => undefined,
  );
}
