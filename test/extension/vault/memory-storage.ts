// An in-memory stand-in for a chrome.storage area, with what the store's tests need: a JSON round trip on every
// write and read (as the browser serialises), a quota in bytes (Chrome counts key + JSON value), and a switch that
// makes the next write(s) fail, for crash tests.
import type { Page, WebWorker } from 'puppeteer-core';
import { VAULT_SESSION_KEY, type VaultSession, type VaultStorageArea } from '../../../src/extension/vault/status.js';

export class MemoryStorage implements VaultStorageArea {
  readonly items = new Map<string, string>();
  /** Total bytes allowed (keys + JSON values), like chrome.storage.local's QUOTA_BYTES. */
  quotaBytes = Infinity;
  /** Writes that fail, counted from the next: `failWrites = [2]` lets one write through and fails the second. */
  failWrites: number[] = [];
  writes = 0;

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (this.items.has(key)) result[key] = JSON.parse(this.items.get(key)!);
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    if (this.failWrites.includes(this.writes)) throw new Error('Storage write failed (injected)');
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    const bytes = [...next].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
    if (bytes > this.quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    for (const [key, value] of next) this.items.set(key, value);
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.items.delete(key);
  }

  /** Everything stored, as the text the browser would hold. */
  dump(): string {
    return [...this.items].map(([key, value]) => `${key}=${value}`).join('\n');
  }
}

/** What is stored, as objects (what `chrome.storage.*.set` takes). */
export function storedItems(area: MemoryStorage): Record<string, unknown> {
  return Object.fromEntries([...area.items].map(([key, value]) => [key, JSON.parse(value)]));
}

/**
 * Puts a store made in Node into an extension's storage (through `context`: its background worker or an extension
 * page), replacing what is there. Unlocked: with its session, last used 10 s ago, so that the next use is one that
 * moves auto-lock on (uses within 5 s of the last count as one).
 */
export async function installStore(context: Pick<WebWorker, 'evaluate'> | Pick<Page, 'evaluate'>, local: MemoryStorage, session: MemoryStorage, unlocked: boolean): Promise<void> {
  const active = storedItems(session)[VAULT_SESSION_KEY] as VaultSession | undefined;
  const sessionItems = unlocked && active ? { [VAULT_SESSION_KEY]: { ...active, lastUsedAt: Date.now() - 10_000 } } : {};
  // Both evaluate alike; one signature for TypeScript.
  await (context as Pick<WebWorker, 'evaluate'>).evaluate(
    async (localItems, sessionItemsToSet) => {
      await chrome.storage.local.clear();
      await chrome.storage.session.clear();
      await chrome.storage.local.set(localItems);
      await chrome.storage.session.set(sessionItemsToSet);
    },
    storedItems(local),
    sessionItems,
  );
}
