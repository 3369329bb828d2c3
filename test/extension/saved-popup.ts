// What a test (or the popup bench) does with the popup's saved test accounts, in either browser: press the buttons
// and type into the fields as a user would, and read what <saved-accounts> shows.
import type { Page } from 'puppeteer-core';

/** One line of the saved-accounts list, as shown. */
export interface SavedLine {
  label: string;
  /** The site shown on the line ('' in the "this site" list, which shows none). */
  site: string;
  /** The digits of the code and of the next code. */
  code: string;
  nextCode: string;
  /** Page clock when the code was read. */
  readAt: number;
}

export interface SavedShows {
  /** What the locked screen shows, or undefined when unlocked or hidden. */
  lockedText: string | undefined;
  here: SavedLine[];
  others: SavedLine[];
  damaged: number;
  notice: string;
  error: string;
}

/** Waits until the saved accounts show a settled screen (codes computed, nothing busy) and returns it. */
export async function savedShows(popup: Page): Promise<SavedShows> {
  const handle = await popup.waitForFunction(
    () => {
      const root = document.querySelector('saved-accounts');
      // Not before a screen is rendered (its header), nor while the store works.
      if (!root || root.hidden || !root.querySelector('.vault-header')) return false;
      // No named inner functions: tsx would wrap them in a `__name` helper that does not exist in the page.
      const [here, others] = ['#vault-here', '#vault-others ul'].map((selector) =>
        [...root.querySelectorAll(`${selector} > li.account`)].map((item) => {
          const code = item.querySelector('account-code');
          const parts = Object.fromEntries([...(code?.shadowRoot?.querySelectorAll('[part]') ?? [])].map((element) => [element.getAttribute('part'), (element.textContent ?? '').replace(/\D/g, '')]));
          return { label: item.querySelector('.open')?.textContent?.trim() ?? '', site: item.querySelector('.site')?.textContent?.trim() ?? '', code: parts.code ?? '', nextCode: parts['next-code'] ?? '', readAt: Date.now() };
        }),
      ) as [SavedLine[], SavedLine[]];
      if ([...here, ...others].some((line) => !/^\d{6,8}$/.test(line.code) || !/^\d{6,8}$/.test(line.nextCode))) return false;
      if (root.getAttribute('aria-busy') === 'true') return false;
      const [notice, error] = ['#vault-notice', '#vault-error'].map((selector) => {
        const element = root.querySelector<HTMLElement>(selector);
        return element && !element.hidden ? (element.textContent ?? '').trim() : '';
      });
      const locked = root.querySelector('#vault-count');
      return { lockedText: locked ? root.textContent?.replace(/\s+/g, ' ').trim() : undefined, here, others, damaged: root.querySelectorAll('li.damaged').length, notice, error };
    },
    { timeout: 30_000, polling: 100 },
  );
  return (await handle.jsonValue()) as SavedShows;
}

/** Sets a field's value as typing would, with an input event. */
export async function type(popup: Page, selector: string, value: string): Promise<void> {
  await popup.waitForSelector(selector);
  await popup.$eval(
    selector,
    (input, text) => {
      (input as HTMLInputElement).value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/**
 * Runs `act` and returns the notice and error lines once they say something new. (They are Lit's to render, so the
 * test does not empty them; a message identical to the one before counts once the screen has been still for 1 s.)
 */
export async function outcome(popup: Page, act: () => Promise<void>): Promise<{ notice: string; error: string }> {
  const read = () =>
    popup.evaluate(() => {
      const [notice, error] = ['vault-notice', 'vault-error'].map((id) => {
        const element = document.getElementById(id);
        return element && !element.hidden ? (element.textContent ?? '').trim() : '';
      });
      const busy = document.querySelector('saved-accounts[aria-busy="true"]') !== null;
      return { notice: notice!, error: error!, busy };
    });
  const before = await read();
  await act();
  const started = Date.now();
  for (;;) {
    await new Promise((resume) => setTimeout(resume, 100));
    const now = await read();
    const said = now.notice !== '' || now.error !== '';
    const changed = now.notice !== before.notice || now.error !== before.error;
    if (said && !now.busy && (changed || Date.now() - started > 1000)) return { notice: now.notice, error: now.error };
    if (Date.now() - started > 30_000) throw new Error(`no message after 30 s: ${JSON.stringify(now)}`);
  }
}

/** The first-save screen: types the passphrase and its repetition and submits. */
export async function submitSetup(popup: Page, passphrase: string, repeated = passphrase): Promise<void> {
  await type(popup, '#vault-setup input[name="passphrase"]', passphrase);
  await type(popup, '#vault-setup input[name="repeated"]', repeated);
  await popup.click('#vault-setup button[type="submit"]');
}

/** The save screen: the label (replacing the suggested one) and Save. */
export async function submitSave(popup: Page, label: string): Promise<void> {
  await type(popup, '#vault-save input[name="label"]', label);
  await popup.click('#vault-save button[type="submit"]');
}

/** The locked screen: types the passphrase and presses Unlock. */
export async function submitUnlock(popup: Page, passphrase: string): Promise<void> {
  await type(popup, '#vault-unlock input[name="passphrase"]', passphrase);
  await popup.click('#vault-unlock button[type="submit"]');
}

/** Opens "Other sites" (closed by default while this site has accounts), so that its lines are made. */
export async function openOthers(popup: Page): Promise<void> {
  await popup.waitForSelector('#vault-others');
  if (!(await popup.$eval('#vault-others', (details) => (details as HTMLDetailsElement).open))) await popup.click('#vault-others summary');
  await popup.waitForSelector('#vault-others input[name="filter"]');
}

/** A secret in every form it could be stored in: Base32, Base64 (standard and URL-safe, unpadded), hex, raw bytes
 *  (as a Latin-1 string, JSON-escaped), and as a list of byte values. */
export function secretForms(base32: string): string[] {
  const bytes = base32Bytes(base32);
  const base64 = Buffer.from(bytes).toString('base64').replace(/=+$/, '');
  const latin1 = JSON.stringify(String.fromCharCode(...bytes)).slice(1, -1);
  // The first 12 bytes of each form are enough to find any copy and rule out chance matches.
  return [base32.slice(0, 16), base64.slice(0, 16), base64.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 16), Buffer.from(bytes).toString('hex').slice(0, 24), latin1.slice(0, 24), [...bytes.slice(0, 12)].join(',')];
}

function base32Bytes(base32: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const character of base32.replace(/=+$/, '')) bits += alphabet.indexOf(character).toString(2).padStart(5, '0');
  return Uint8Array.from(bits.match(/.{8}/g) ?? [], (byte) => parseInt(byte, 2));
}
