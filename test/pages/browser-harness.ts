// What the pages tests share: launching Debian's Chromium or Firefox through puppeteer-core, a tiny static server on
// 127.0.0.1 with the CSP the issue asks for, and reading an element's QR and code with independent tools
// (a screenshot decoded by fast-png and jsQR; codes from the `otpauth` package).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from '../support/browsers.mjs';
import { readQrFromPng } from '../support/qr-reader.js';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** The strictest policy a host page could reasonably have; the element must work under it. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";

/**
 * A host name that resolves to 127.0.0.1 in the launched browsers but is not "localhost": `http://` pages from it are
 * not a secure context, like a LAN address opened from a phone, so WebCrypto's `subtle` is hidden there.
 */
export const INSECURE_HOST = 'insecure.test';

export function launch(name: BrowserName): Promise<Browser> {
  return name === 'chromium'
    ? puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`] })
    : puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        extraPrefsFirefox: { 'network.dns.localDomains': INSECURE_HOST },
      });
}

/** A page's body, type and headers for one path of the test server. */
export interface Resource {
  body: string | Uint8Array;
  type: string;
  headers?: Record<string, string>;
}

/** Serves fixed resources on 127.0.0.1 (a secure context, like localhost); anything else is a 404. */
export async function serve(resources: Record<string, Resource>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const resource = resources[new URL(request.url ?? '/', 'http://x').pathname];
    if (!resource) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': resource.type, 'Cache-Control': 'no-store', ...resource.headers });
    response.end(resource.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Requests the browser makes on its own, whatever the page does: the favicon (Chromium and Firefox ask for
 * /favicon.ico after load) and `data:` URLs from the browser's own style sheet (Firefox's html.css loads its
 * list-bullet font as `data:font/woff2`), which never reach a network.
 */
function isBrowserOwnRequest(url: string): boolean {
  return url.startsWith('data:') || new URL(url).pathname === '/favicon.ico';
}

/** A page's request log and its CSP violations since the last navigation. */
export interface Monitor {
  requests: string[];
  violations: () => Promise<string[]>;
}

/** Every request the page makes (and the CSP violations it reports), recorded from before the first navigation. */
export async function watch(page: Page): Promise<Monitor> {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!isBrowserOwnRequest(request.url())) requests.push(request.url());
  });
  // Recorded inside the page, so that it sees exactly what the page's own CSP blocks.
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    requests,
    violations: () => page.evaluate(() => [...(globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['listener missing']]),
  };
}

/** What the element shows, as a person (and a phone's camera) would read it. */
export interface Shown {
  /** The QR's text, read by jsQR from a screenshot of the `qr` part. */
  qrText: string;
  /** The digits of the `code` part. */
  code: string;
  /** The element's `uri` and `secret` properties. */
  uri: string;
  secret: string;
  /** Page clock just before and after reading the code. */
  before: number;
  after: number;
}

/**
 * Waits for the first <totp-generator> in the page to finish its enrollment, then reads its QR and code. Reads away
 * from a step boundary, so that the code on screen and the clock readings belong to the same step.
 */
export async function readElement(page: Page, selector = 'totp-generator'): Promise<Shown> {
  await page.waitForFunction((s) => customElements.get('totp-generator') && document.querySelector(s), {}, selector);
  await page.evaluate(async (s) => {
    const element = document.querySelector(s) as HTMLElement & { enrollmentComplete: Promise<unknown>; period?: number };
    await element.enrollmentComplete;
    const period = Number(element.getAttribute('period') ?? 30) * 1000;
    const into = Date.now() % period;
    // Near a boundary the element's timer may not have fired yet; waiting is cheaper than guessing.
    if (into < 1500 || period - into < 500) await new Promise((resolve) => setTimeout(resolve, 2000));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, selector);
  const qrPart = await page.evaluateHandle((s) => document.querySelector(s)!.shadowRoot!.querySelector('[part~="qr"]'), selector);
  const qrElement = qrPart.asElement();
  if (!qrElement) throw new Error('the element has no part="qr"');
  const png = await qrElement.screenshot({ type: 'png' });
  const read = await page.evaluate((s) => {
    const element = document.querySelector(s) as HTMLElement & { uri: string; secret: string };
    const before = Date.now();
    const code = element.shadowRoot!.querySelector('[part~="code"]')?.textContent ?? '';
    const after = Date.now();
    return { code: code.replace(/\D/g, ''), uri: element.uri, secret: element.secret, before, after };
  }, selector);
  return { qrText: readQrFromPng(new Uint8Array(png)), ...read };
}

/** The codes `otpauth` computes from a Key URI for each of the given times (usually one distinct code). */
export function otpauthCodes(uri: string, ...timestamps: number[]): string[] {
  const otp = OTPAuth.URI.parse(uri);
  if (!(otp instanceof OTPAuth.TOTP)) throw new Error(`not a TOTP URI: ${uri}`);
  return [...new Set(timestamps.map((timestamp) => otp.generate({ timestamp })))];
}
