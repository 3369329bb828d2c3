// The fill-code shortcut's decisions (src/extension/fill-shortcut.ts) with fakes for the browser and an injected
// clock; codes checked against `otpauth`. The same handler in the built extension: vault.chromium.node.test.ts.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { handleFillShortcut, type FillShortcutContext, type FillShortcutOutcome } from '../../src/extension/fill-shortcut.js';
import type { FillStep } from '../../src/extension/vault/fill-request.js';
import type { VaultState } from '../../src/extension/vault/status.js';
import type { SavedAccount } from '../../src/extension/vault/vault.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const saved = (overrides: Partial<SavedAccount> = {}): SavedAccount => ({
  id: 'a',
  issuer: 'Acme',
  accountName: 'dev',
  digits: 6,
  period: 30,
  algorithm: 'SHA1',
  secret: SECRET,
  site: 'http://localhost:3000',
  savedAt: 0,
  label: 'Acme — dev',
  ...overrides,
});
const expected = (timestamp: number, account = saved()) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.secret), digits: account.digits, period: account.period, algorithm: account.algorithm }).generate({ timestamp });

function drive(options: { url?: string; state?: VaultState; accounts?: SavedAccount[]; now: number; opens?: boolean; fill?: FillShortcutContext['fillTab']; accountsForSite?: FillShortcutContext['accountsForSite'] }) {
  let now = options.now;
  const seen = { filled: [] as string[], steps: [] as FillStep[], slept: [] as number[], reported: [] as FillShortcutOutcome[] };
  const context: FillShortcutContext = {
    activeTab: async () => ({ id: 7, url: options.url ?? 'http://localhost:3000/login' }),
    vaultState: async () => options.state ?? { state: 'unlocked', count: options.accounts?.length ?? 1 },
    accountsForSite: options.accountsForSite ?? (async (site) => (options.accounts ?? [saved()]).filter((account) => account.site === site)),
    fillTab:
      options.fill ??
      (async (_tab, code) => {
        seen.filled.push(code);
        return { filled: true, field: 'one-time-code' };
      }),
    openPopupAt: async (step) => {
      seen.steps.push(step);
      return options.opens ?? true;
    },
    report: (outcome) => seen.reported.push(outcome),
    now: () => now,
    sleep: async (ms) => {
      seen.slept.push(ms);
      now += ms;
    },
  };
  return { seen, run: () => handleFillShortcut(context) };
}

describe('fill-code shortcut: what the background does on the key press', () => {
  const midStep = Date.UTC(2026, 0, 1, 12, 0, 10); // 20 s left in a 30 s step

  it('one saved account for the site, unlocked: fills its current code at once', async () => {
    const { seen, run } = drive({ now: midStep });
    expect((await run()).kind).to.equal('filled');
    expect(seen.filled).to.deep.equal([expected(midStep)]);
    expect(seen.slept).to.deep.equal([]);
    expect(seen.reported.map((outcome) => outcome.kind)).to.deep.equal(['filled']);
  });

  it('with under 3 s left, waits for the next step and fills its code; with 3 s left, fills at once', async () => {
    const late = Date.UTC(2026, 0, 1, 12, 0, 27, 500); // 2.5 s left
    const { seen, run } = drive({ now: late });
    await run();
    expect(seen.slept).to.deep.equal([2_500]);
    expect(seen.filled).to.deep.equal([expected(late + 2_500)]);
    expect(seen.filled[0]).not.to.equal(expected(late));
    const justInTime = drive({ now: Date.UTC(2026, 0, 1, 12, 0, 27) });
    await justInTime.run();
    expect(justInTime.seen.slept).to.deep.equal([]);
    // An 8-digit SHA256 60 s account, its own period.
    const account = saved({ digits: 8, period: 60, algorithm: 'SHA256' });
    const other = drive({ now: Date.UTC(2026, 0, 1, 12, 0, 58), accounts: [account] });
    await other.run();
    expect(other.seen.filled).to.deep.equal([expected(Date.UTC(2026, 0, 1, 12, 1, 0), account)]);
  });

  it('locked, several accounts, none, nothing saved: opens the popup at unlock, pick, save, save — fills nothing', async () => {
    const cases: [Parameters<typeof drive>[0], FillStep][] = [
      [{ now: midStep, state: { state: 'locked', count: 1 } }, 'unlock'],
      [{ now: midStep, accounts: [saved(), saved({ id: 'b', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' })] }, 'pick'],
      [{ now: midStep, accounts: [saved({ site: 'http://localhost:5173' })] }, 'save'],
      [{ now: midStep, state: { state: 'empty', count: 0 } }, 'save'],
    ];
    for (const [options, step] of cases) {
      const { seen, run } = drive(options);
      expect(await run()).to.deep.equal({ kind: 'popup', step, opened: true });
      expect(seen.filled).to.deep.equal([]);
    }
    expect(await drive({ now: midStep, state: { state: 'locked', count: 2 }, opens: false }).run()).to.deep.equal({ kind: 'popup', step: 'unlock', opened: false });
  });

  it('the store locking between the look at its state and the use (auto-lock ran out): opens the popup to unlock', async () => {
    const { VaultError } = await import('../../src/extension/vault/errors.js');
    const { seen, run } = drive({ now: midStep, accountsForSite: () => Promise.reject(new VaultError('locked', 'The saved accounts are locked')) });
    expect(await run()).to.deep.equal({ kind: 'popup', step: 'unlock', opened: true });
    expect(seen.filled).to.deep.equal([]);
  });

  it('a browser page: says so, opens nothing, fills nothing; a cross-site frame focused: not filled, said', async () => {
    for (const url of ['chrome://extensions/', 'about:newtab', 'chrome-extension://abc/popup.html']) {
      const { seen, run } = drive({ now: midStep, url });
      expect(await run()).to.deep.equal({ kind: 'browser-page' });
      expect([seen.filled, seen.steps]).to.deep.equal([[], []]);
    }
    const frame = drive({ now: midStep, fill: async () => ({ filled: false, reason: 'frame-cross-site' }) });
    expect(await frame.run()).to.deep.equal({ kind: 'not-filled', result: { filled: false, reason: 'frame-cross-site' } });
    const refused = drive({ now: midStep, fill: () => Promise.reject(new Error('Cannot access contents of the page')) });
    expect(await refused.run()).to.deep.equal({ kind: 'refused' });
  });
});
