/**
 * The "fill-code" shortcut (Alt+Shift+F unless the user changed it), as the background script handles it: on a page
 * whose site has exactly one saved account, with the store unlocked, it fills that account's current code into the
 * page and confirms on the action badge; otherwise it opens the popup at the step needed (unlock, pick, save) with a
 * request in session storage (vault/fill-request.ts). A code with under 3 seconds left is not filled: the next one
 * is, once its step starts. A browser page, or the focus in a frame from another site: the badge says so, nothing is
 * filled.
 *
 * Everything it touches is a parameter, so tests drive it with fakes and the built extension drives it with the
 * browser's own.
 */
import { generateCode, millisecondsUntilNextStep, parseSecret } from '../core/index.js';
import type { FillResult } from './fill-tab.js';
import type { FillStep } from './vault/fill-request.js';
import { siteOf } from './vault/site.js';
import type { VaultState } from './vault/status.js';
import type { SavedAccount } from './vault/vault.js';

/** A code with less time left than this is not filled (the user could not submit it in time); the next one is. */
export const FILL_MIN_REMAINING_MS = 3_000;

/** What the shortcut did. */
export type FillShortcutOutcome =
  | { readonly kind: 'filled'; readonly result: FillResult }
  /** Filling was tried but the page had no field, several, or the focus in a cross-site frame. */
  | { readonly kind: 'not-filled'; readonly result: FillResult }
  /** The browser refused to run the fill (no grant for this tab), or the store could not be read. */
  | { readonly kind: 'refused' }
  /** A browser page (no site): nothing to fill, nothing to open. */
  | { readonly kind: 'browser-page' }
  /** The popup was asked to open at `step`; `opened` false when the browser would not open it. */
  | { readonly kind: 'popup'; readonly step: FillStep; readonly opened: boolean };

export interface FillShortcutContext {
  /** The active tab of the focused window (its URL is readable under the key press's activeTab grant). */
  activeTab(): Promise<{ id?: number | undefined; url?: string | undefined } | undefined>;
  /** The store's state (no decryption). */
  vaultState(): Promise<VaultState>;
  /** The accounts for `site` (the store unlocked). */
  accountsForSite(site: string): Promise<SavedAccount[]>;
  fillTab(tabId: number, code: string): Promise<FillResult>;
  /** Leaves the request for the popup (session storage) and opens it; resolves false when it could not be opened. */
  openPopupAt(step: FillStep): Promise<boolean>;
  /** Shows the outcome (the action badge). */
  report(outcome: FillShortcutOutcome, tabId: number | undefined): void;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export async function handleFillShortcut(context: FillShortcutContext): Promise<FillShortcutOutcome> {
  const tab = await context.activeTab().catch(() => undefined);
  // Anything unexpected (storage refused, a damaged store) is "not filled" on the badge, never a silent nothing.
  const outcome = await decide(context, tab).catch((): FillShortcutOutcome => ({ kind: 'refused' }));
  context.report(outcome, tab?.id);
  return outcome;
}

async function decide(context: FillShortcutContext, tab: { id?: number | undefined; url?: string | undefined } | undefined): Promise<FillShortcutOutcome> {
  const site = siteOf(tab?.url);
  if (tab?.id === undefined || site === null) return { kind: 'browser-page' };
  const state = await context.vaultState();
  const popup = async (step: FillStep): Promise<FillShortcutOutcome> => ({ kind: 'popup', step, opened: await context.openPopupAt(step) });
  if (state.state === 'empty') return popup('save');
  if (state.state !== 'unlocked') return popup('unlock');
  let accounts: SavedAccount[];
  try {
    accounts = await context.accountsForSite(site);
  } catch (error) {
    // Auto-lock ran out between the look at the state and the use (or another context locked): unlock, as when locked.
    if ((error as { kind?: unknown } | null)?.kind === 'locked') return popup('unlock');
    throw error;
  }
  if (accounts.length === 0) return popup('save');
  if (accounts.length > 1) return popup('pick');
  const code = await codeToFill(context, accounts[0]!);
  try {
    const result = await context.fillTab(tab.id, code);
    return { kind: result.filled ? 'filled' : 'not-filled', result };
  } catch {
    return { kind: 'refused' };
  }
}

/** The current code, or — under {@link FILL_MIN_REMAINING_MS} before it changes — the next one, once its step starts. */
async function codeToFill(context: FillShortcutContext, account: SavedAccount): Promise<string> {
  let now = context.now();
  const left = millisecondsUntilNextStep(account.period, now);
  if (left < FILL_MIN_REMAINING_MS) {
    await context.sleep(left);
    now = Math.max(context.now(), now + left);
  }
  return generateCode({ secret: parseSecret(account.secret).bytes, digits: account.digits, period: account.period, algorithm: account.algorithm }, now);
}
