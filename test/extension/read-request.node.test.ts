// The shortcut's hand-over from the background to the popup, with session storage kept in memory the way the browser
// keeps it: a change event for every set or remove that changes a value, delivered to every listener a moment later
// (events cross from the browser to the page). The browsers' own storage is exercised end to end by
// shortcut.chromium.node.test.ts and shortcut.firefox.node.test.ts.
import { expect } from 'chai';
import { READ_REQUEST_MAX_AGE_MS, requestRead, takeReadRequests, withdrawReadRequest, type RequestStorage, type StorageChanges } from '../../src/extension/read-request.js';

type Listener = Parameters<StorageChanges['addListener']>[0];

function sessionStorage(areaName = 'session'): RequestStorage & StorageChanges & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  const listeners: Listener[] = [];
  const changed = (key: string, newValue: unknown) =>
    setTimeout(() => {
      for (const listener of listeners) listener({ [key]: newValue === undefined ? {} : { newValue } }, areaName);
    });
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) {
        if (items[key] === value) continue;
        items[key] = value;
        changed(key, value);
      }
    },
    remove: async (key) => {
      if (!(key in items)) return;
      delete items[key];
      changed(key, undefined);
    },
    addListener: (listener) => void listeners.push(listener),
  };
}

/** The popup's clock in these tests: presses are at 1000 and 2000 ms. */
const soonAfter = () => 2500;

/** Every change event queued so far has been delivered. */
const delivered = () => new Promise((resume) => setTimeout(resume, 5));

describe('extension: the read-page request from the background to the popup', () => {
  it('a request waiting when the popup opens is read once and removed', async () => {
    const storage = sessionStorage();
    await requestRead(storage, 1000);
    await delivered();
    let reads = 0;
    await takeReadRequests(storage, storage, () => reads++, soonAfter);
    await delivered();
    expect(reads).to.equal(1);
    expect(storage.items).to.deep.equal({});
  });

  it('a request the popup sees both in its first look and in the change event still on its way is read once', async () => {
    const storage = sessionStorage();
    await requestRead(storage, 1000);
    let reads = 0;
    await takeReadRequests(storage, storage, () => reads++, soonAfter);
    await delivered();
    expect(reads).to.equal(1);
    expect(storage.items).to.deep.equal({});
  });

  it('each press while the popup is open is read, once each', async () => {
    const storage = sessionStorage();
    let reads = 0;
    await takeReadRequests(storage, storage, () => reads++, soonAfter);
    expect(reads).to.equal(0);
    await requestRead(storage, 1000);
    await delivered();
    await requestRead(storage, 2000);
    await delivered();
    expect(reads).to.equal(2);
    expect(storage.items).to.deep.equal({});
  });

  it('reads nothing for a withdrawn request, for other keys, or for changes in other storage areas', async () => {
    const session = sessionStorage();
    await requestRead(session, 1000);
    await withdrawReadRequest(session);
    await delivered();
    let reads = 0;
    await takeReadRequests(session, session, () => reads++, soonAfter);
    await session.set({ settings: { digits: 8 } });
    const local = sessionStorage('local');
    await takeReadRequests(sessionStorage(), local, () => reads++, soonAfter);
    await requestRead(local, 2000);
    await delivered();
    expect(reads).to.equal(0);
  });

  it('removes a request older than the limit without reading it; one just inside the limit is read', async () => {
    const storage = sessionStorage();
    await requestRead(storage, 1000);
    await delivered();
    let reads = 0;
    await takeReadRequests(storage, storage, () => reads++, () => 1000 + READ_REQUEST_MAX_AGE_MS + 1);
    await delivered();
    expect(reads).to.equal(0);
    expect(storage.items).to.deep.equal({});
    const another = sessionStorage();
    await requestRead(another, 2000);
    await takeReadRequests(another, another, () => reads++, () => 2000 + READ_REQUEST_MAX_AGE_MS);
    await delivered();
    expect(reads).to.equal(1);
  });
});
