// The popup's remembered settings: only the five fields, validated on the way in, never anything else.
import { expect } from 'chai';
import { DEFAULT_SETTINGS, SETTINGS_KEY, loadSettings, saveSettings, toPopupSettings, type SettingsStorage } from '../../src/extension/settings.js';

function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = structuredClone(initial);
  return {
    items,
    get: async (key) => (key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: async (values) => void Object.assign(items, structuredClone(values)),
  };
}

describe('extension: settings', () => {
  it('starts from SHA1 / 6 digits / 30 s, the only settings every authenticator app handles', async () => {
    expect(await loadSettings(memoryStorage())).to.deep.equal({ accountName: 'user@example.com', digits: 6, period: 30, algorithm: 'SHA1', fillSubmit: false });
  });

  it('round-trips saved settings', async () => {
    const storage = memoryStorage();
    const chosen = { accountName: 'alice@example.org', digits: 8, period: 60, algorithm: 'SHA512', fillSubmit: true } as const;
    await saveSettings(storage, chosen);
    expect(await loadSettings(storage)).to.deep.equal(chosen);
  });

  it('stores only the five fields, even when handed an object that carries a secret', async () => {
    const storage = memoryStorage();
    const withSecret = { accountName: 'a', digits: 6, period: 30, algorithm: 'SHA1', fillSubmit: false, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'x.com' } as const;
    await saveSettings(storage, withSecret);
    expect(Object.keys(storage.items)).to.deep.equal([SETTINGS_KEY]);
    expect(Object.keys(storage.items[SETTINGS_KEY] as object).sort()).to.deep.equal(['accountName', 'algorithm', 'digits', 'fillSubmit', 'period']);
    expect(JSON.stringify(storage.items)).not.to.include('JBSWY3DP');
  });

  it('replaces each invalid or foreign stored field by its default and keeps the valid ones', () => {
    expect(toPopupSettings({ accountName: 42, digits: 7, period: 5, algorithm: 'MD5' })).to.deep.equal(DEFAULT_SETTINGS);
    expect(toPopupSettings({ accountName: 'bob', digits: '8', period: 30.5, algorithm: 'SHA256' })).to.deep.equal({ ...DEFAULT_SETTINGS, accountName: 'bob', algorithm: 'SHA256' });
    expect(toPopupSettings({ period: 120, digits: 8 })).to.deep.equal({ ...DEFAULT_SETTINGS, period: 120, digits: 8 });
    // Fill and submit is off unless a real true was stored.
    expect(toPopupSettings({ fillSubmit: 'yes' }).fillSubmit).to.equal(false);
    expect(toPopupSettings({ fillSubmit: true }).fillSubmit).to.equal(true);
    for (const junk of [undefined, null, 'settings', [1, 2]]) expect(toPopupSettings(junk)).to.deep.equal(DEFAULT_SETTINGS);
  });
});
