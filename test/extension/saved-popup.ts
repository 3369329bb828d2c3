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
      if (!root || root.hidden) return false;
      const lines = (selector: string) =>
        [...root.querySelectorAll(`${selector} > li.account`)].map((item) => {
          const code = item.querySelector('account-code');
          const parts = Object.fromEntries([...(code?.shadowRoot?.querySelectorAll('[part]') ?? [])].map((element) => [element.getAttribute('part'), (element.textContent ?? '').replace(/\D/g, '')]));
          return { label: item.querySelector('.open')?.textContent?.trim() ?? '', site: item.querySelector('.site')?.textContent?.trim() ?? '', code: parts.code ?? '', nextCode: parts['next-code'] ?? '', readAt: Date.now() };
        });
      const here = lines('#vault-here');
      const others = lines('#vault-others ul');
      if ([...here, ...others].some((line) => !/^\d{6,8}$/.test(line.code) || !/^\d{6,8}$/.test(line.nextCode))) return false;
      const locked = root.querySelector('#vault-count');
      const busy = root.querySelector('#vault-unlock button[disabled]');
      if (busy) return false;
      const text = (selector: string) => {
        const element = root.querySelector<HTMLElement>(selector);
        return element && !element.hidden ? (element.textContent ?? '').trim() : '';
      };
      return { lockedText: locked ? root.textContent?.replace(/\s+/g, ' ').trim() : undefined, here, others, damaged: root.querySelectorAll('li.damaged').length, notice: text('#vault-notice'), error: text('#vault-error') };
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

/** Waits until the notice or the error line says something new (both are emptied first) and returns it. */
export async function outcome(popup: Page, act: () => Promise<void>): Promise<{ notice: string; error: string }> {
  await popup.evaluate(() => {
    for (const id of ['vault-notice', 'vault-error']) {
      const element = document.getElementById(id);
      if (element) element.textContent = '';
    }
  });
  await act();
  const handle = await popup.waitForFunction(
    () => {
      const [notice, error] = ['vault-notice', 'vault-error'].map((id) => {
        const element = document.getElementById(id);
        return element && !element.hidden ? (element.textContent ?? '').trim() : '';
      });
      return notice || error ? { notice, error } : false;
    },
    { timeout: 30_000, polling: 100 },
  );
  return (await handle.jsonValue()) as { notice: string; error: string };
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
