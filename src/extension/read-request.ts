/**
 * The "read-page" shortcut's hand-over from the background script (background.ts) to the popup: "the popup about to
 * open — or already open — should read the page". The background cannot hand the popup anything directly (it starts
 * the popup with `action.openPopup()`, which takes no arguments), so it leaves a request in `chrome.storage.session`
 * and the popup takes it.
 *
 * What is stored: one number under one key — an id for this press of the shortcut (its time), so that two presses are
 * two changes. Never anything about the page, the tab or a key; session storage lives in memory and is gone when the
 * browser closes. The request is removed as soon as a popup takes it, or as soon as the popup could not be opened, so a
 * later click on the toolbar button does not read the page by surprise.
 */

/** The one key used in `chrome.storage.session`. */
export const READ_REQUEST_KEY = 'readPageRequest';
/**
 * How old a request may be and still be read: the popup opens within a second of the key press. An older one was left
 * by something that went wrong (a popup that never started, say); it is removed unread rather than acted on by
 * whatever popup opens next.
 */
export const READ_REQUEST_MAX_AGE_MS = 10_000;

/** The part of `chrome.storage.session` used here; a parameter so tests can pass a fake. */
export interface RequestStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Background: asks the next (or the open) popup to read the page. `pressId` tells this press from the last one. */
export function requestRead(storage: RequestStorage, pressId: number): Promise<void> {
  return storage.set({ [READ_REQUEST_KEY]: pressId });
}

/** Background: takes the request back when no popup opened, so that none reads later. */
export function withdrawReadRequest(storage: RequestStorage): Promise<void> {
  return storage.remove(READ_REQUEST_KEY);
}

/** The change events of `chrome.storage` (all areas), as the popup listens to them. */
export interface StorageChanges {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
}

/**
 * Popup: calls `read` once for each request — the one waiting when the popup opened, and each made while it is open —
 * and removes it. A request seen twice (in the first look and in a change event that raced it) is read once; one
 * older than {@link READ_REQUEST_MAX_AGE_MS} by `now()` is removed unread.
 */
export function takeReadRequests(storage: RequestStorage, changes: StorageChanges, read: () => void, now: () => number = Date.now): Promise<void> {
  let lastTaken: unknown;
  const take = (pressId: unknown) => {
    if (pressId === undefined || pressId === lastTaken) return;
    lastTaken = pressId;
    void storage.remove(READ_REQUEST_KEY).catch(() => undefined);
    if (typeof pressId === 'number' && now() - pressId <= READ_REQUEST_MAX_AGE_MS) read();
  };
  changes.addListener((changed, areaName) => {
    if (areaName === 'session' && READ_REQUEST_KEY in changed) take(changed[READ_REQUEST_KEY]!.newValue);
  });
  return storage.get(READ_REQUEST_KEY).then(
    (items) => take(items[READ_REQUEST_KEY]),
    () => undefined,
  );
}
