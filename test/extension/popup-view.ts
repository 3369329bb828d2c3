// What a test reads from an open popup, in either browser: the element's public properties, the issuer field, and
// the extension's local storage dumped raw.
import type { Page } from 'puppeteer-core';

export interface Shown {
  secret: string;
  uri: string;
  code: string;
  qrPng: string;
  issuer: string;
  /** `chrome.storage.local`, everything in it, as JSON. */
  storage: string;
  /** When the code was read, in ms: an oracle computes the code for that moment. */
  readAt: number;
}

export function readShown(popup: Page): Promise<Shown> {
  return popup.evaluate(async () => {
    const generator = document.querySelector('totp-generator')!;
    return {
      secret: generator.secret,
      uri: generator.uri,
      code: generator.currentCode,
      qrPng: generator.qrCode,
      issuer: (document.querySelector('input[name="issuer"]') as HTMLInputElement).value,
      storage: JSON.stringify(await chrome.storage.local.get(null)),
      readAt: Date.now(),
    };
  });
}
