// What a test (or the read benchmark) does with the popup's Read, Paste and Fill, in either browser: press the
// buttons as a user would, and read what the popup then shows — a key (the <read-enrollment> view), a list to pick
// from, or a message.
import { execFileSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';

export interface ReadKey {
  issuer: string;
  accountName: string;
  digits: string;
  period: string;
  algorithm: string;
  /** The digits of the code shown, and of the next code. */
  code: string;
  nextCode: string;
  secret: string;
  /** Whether the compatibility warning is shown. */
  warning: boolean;
  /** The QR code shown again, as an SVG's markup. */
  qrSvg: string;
  /** Page clock when the code was read. */
  readAt: number;
}

export type PopupShows = { kind: 'key'; key: ReadKey } | { kind: 'choices'; message: string; names: string[] } | { kind: 'message'; message: string; pasteOffered: boolean };

/** Waits until the popup shows a result (not "Reading the page…") and returns it. */
export async function popupShows(popup: Page): Promise<PopupShows> {
  // No named inner functions: tsx would wrap them in a `__name` helper that does not exist in the page.
  const handle = await popup.waitForFunction(
    () => {
      const view = document.querySelector('read-enrollment');
      const root = view?.shadowRoot;
      const text: Record<string, string> = Object.fromEntries([...(root?.querySelectorAll('[part]') ?? [])].map((element) => [element.getAttribute('part'), element.textContent?.trim() ?? '']));
      const [code = '', next = ''] = [text.code?.replace(/\D/g, ''), text['next-code']?.replace(/\D/g, '')];
      if (view && !view.hidden && /^\d{6,8}$/.test(view.currentCode) && code === view.currentCode && /^\d{6,8}$/.test(next)) {
        return {
          kind: 'key',
          key: {
            issuer: text.issuer,
            accountName: text['account-name'],
            digits: text.digits,
            period: text.period,
            algorithm: text.algorithm,
            code,
            nextCode: next,
            secret: view.enrollment?.secret.base32 ?? '',
            warning: root!.querySelector('[part~="warning"]') !== null,
            qrSvg: root!.querySelector('[part~="qr"] svg')?.outerHTML ?? '',
            readAt: Date.now(),
          },
        };
      }
      const box = document.querySelector<HTMLElement>('#message');
      const message = document.querySelector('#message-text')?.textContent ?? '';
      if (!box || box.hidden || message === '' || message === chrome.i18n.getMessage('reading')) return false;
      const choices = document.querySelector<HTMLElement>('#choices');
      if (choices && !choices.hidden) return { kind: 'choices', message, names: [...choices.querySelectorAll('button')].map((button) => button.textContent ?? '') };
      return { kind: 'message', message, pasteOffered: !document.querySelector<HTMLElement>('#paste-instead')!.hidden };
    },
    { timeout: 20_000, polling: 100 },
  );
  return (await handle.jsonValue()) as PopupShows;
}

/** Presses "Read from this page" and returns what the popup shows then. */
export async function readFromPage(popup: Page): Promise<PopupShows> {
  await popup.click('#read');
  return popupShows(popup);
}

/** Types `text` into the paste field, presses "Show" and returns what the popup shows then. */
export async function paste(popup: Page, text: string): Promise<PopupShows> {
  await popup.evaluate(() => {
    (document.querySelector('#paste') as HTMLDetailsElement).open = true;
  });
  await popup.$eval('#paste-form input[name="key"]', (input, value) => {
    (input as HTMLInputElement).value = value;
  }, text);
  await popup.click('#paste-form button[type="submit"]');
  return popupShows(popup);
}

/** Presses "Fill code into page" and returns the popup's message about it. */
export async function fill(popup: Page): Promise<string> {
  await popup.evaluate(() => {
    const status = document.querySelector<HTMLElement>('#fill-message')!;
    status.hidden = true;
    status.textContent = '';
  });
  await popup.click('#fill');
  const handle = await popup.waitForFunction(() => {
    const status = document.querySelector<HTMLElement>('#fill-message')!;
    return !status.hidden && status.textContent !== '' && status.textContent;
  });
  return (await handle.jsonValue()) as string;
}

/** The message the popup's catalogue has for `name`, in the popup's language. */
export function message(popup: Page, name: string, ...values: string[]): Promise<string> {
  return popup.evaluate((messageName, substitutions) => chrome.i18n.getMessage(messageName, substitutions), name, values);
}

/** oathtool's codes (liboath, in C) for a Base32 secret at `timestamp` and one step before it. */
export function oathtoolCodes(secret: string, { algorithm = 'SHA1', digits = 6, period = 30 }: { algorithm?: string; digits?: number; period?: number }, timestamp: number): string[] {
  return [timestamp, timestamp - period * 1000].map((at) =>
    execFileSync('oathtool', ['--base32', `--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--time-step-size=${period}s`, `--now=@${Math.floor(at / 1000)}`, secret], { encoding: 'utf8' }).trim(),
  );
}
