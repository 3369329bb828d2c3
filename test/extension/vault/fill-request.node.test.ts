// The fill-code shortcut's hand-over to the popup (src/extension/vault/fill-request.ts) over session storage kept in
// memory, and onVaultChange (status.ts): what an open popup hears.
import { expect } from 'chai';
import { FILL_REQUEST_KEY, requestFillStep, takeFillRequests, withdrawFillRequest, type FillStep } from '../../../src/extension/vault/fill-request.js';
import { onVaultChange, VAULT_KEY, VAULT_SESSION_KEY } from '../../../src/extension/vault/status.js';
import { MemoryStorage } from './memory-storage.js';

type Listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

function storageWithEvents() {
  const storage = new MemoryStorage();
  const listeners: Listener[] = [];
  const changes = { addListener: (listener: Listener) => listeners.push(listener) };
  const emit = (changed: Record<string, { newValue?: unknown }>, area = 'session') => listeners.forEach((listener) => listener(changed, area));
  return { storage, changes, emit };
}

describe('vault: the fill-code request to the popup', () => {
  it('a waiting request opens the popup at its step once, and is removed', async () => {
    const { storage, changes, emit } = storageWithEvents();
    await requestFillStep(storage, 'pick', 1_000);
    const steps: FillStep[] = [];
    await takeFillRequests(storage, changes, (step) => steps.push(step), () => 1_500);
    emit({ [FILL_REQUEST_KEY]: { newValue: { pressId: 1_000, step: 'pick' } } }); // the same request, late
    expect(steps).to.deep.equal(['pick']);
    expect(storage.items.has(FILL_REQUEST_KEY)).to.equal(false);
    // A new press while open.
    emit({ [FILL_REQUEST_KEY]: { newValue: { pressId: 2_000, step: 'unlock' } } });
    expect(steps).to.deep.equal(['pick', 'unlock']);
  });

  it('removes unread a request older than 10 s, one with an unknown step, and hears nothing of other keys or areas', async () => {
    const { storage, changes, emit } = storageWithEvents();
    await requestFillStep(storage, 'save', 1_000);
    const steps: FillStep[] = [];
    await takeFillRequests(storage, changes, (step) => steps.push(step), () => 12_000);
    expect(storage.items.has(FILL_REQUEST_KEY)).to.equal(false);
    emit({ [FILL_REQUEST_KEY]: { newValue: { pressId: 11_900, step: 'everything' } } });
    emit({ other: { newValue: { pressId: 11_950, step: 'save' } } });
    emit({ [FILL_REQUEST_KEY]: { newValue: { pressId: 11_960, step: 'save' } } }, 'local');
    expect(steps).to.deep.equal([]);
    await requestFillStep(storage, 'save', 5);
    await withdrawFillRequest(storage);
    expect(storage.items.size).to.equal(0);
  });

  it('the request holds the press and the step only: nothing about the site or an account', async () => {
    const storage = new MemoryStorage();
    await requestFillStep(storage, 'unlock', 42);
    expect(JSON.parse(storage.items.get(FILL_REQUEST_KEY)!)).to.deep.equal({ pressId: 42, step: 'unlock' });
  });

  it('onVaultChange: hears the store, its settings and the session key change, nothing else', () => {
    const { changes, emit } = storageWithEvents();
    let heard = 0;
    onVaultChange(changes, () => heard++);
    emit({ [VAULT_SESSION_KEY]: {} });
    emit({ [VAULT_KEY]: {} }, 'local');
    emit({ [VAULT_KEY]: {} }, 'session');
    emit({ settings: {} }, 'local');
    emit({ [FILL_REQUEST_KEY]: {} });
    expect(heard).to.equal(2);
  });
});
