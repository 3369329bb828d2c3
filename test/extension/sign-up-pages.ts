// Pages a developer tests their 2FA screens on, served from 127.0.0.1 for the extension's Read and Fill tests and the
// read benchmark. QR codes are drawn by other software: our own <totp-generator> (the built bundle), or the `qrcode`
// package as a PNG <img>, so the popup reads what others drew.
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { BUNDLE_FILE } from '../../scripts/build-bundles.mjs';
import { serve, type Resource } from '../pages/browser-harness.js';

/** A key with every setting off the defaults, so that a parser falling back to a default shows a wrong code. */
export const BANK_URI = 'otpauth://totp/Bank%20of%20Tests:jo%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA&issuer=Bank%20of%20Tests&algorithm=SHA256&digits=8&period=60';
export const BANK = { issuer: 'Bank of Tests', accountName: 'jo@example.com', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA', algorithm: 'SHA256', digits: 8, period: 60 } as const;
export const SHOP_URI = 'otpauth://totp/Shop:ann?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shop';
export const LONG_LINK = 'https://example.com/welcome/a-rather-long-path/that-goes-on/and-on?campaign=spring-sale&ref=qr-code-on-the-poster';
export const HOTP_URI = 'otpauth://hotp/Old:bob?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=Old';

const HTML = 'text/html; charset=utf-8';
const page = (title: string, body: string): Resource => ({
  type: HTML,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;padding:24px;font:16px system-ui;background:#fff;color:#111} img{image-rendering:pixelated;display:block;margin:16px 0}</style>
</head><body>${body}</body></html>`,
});

/** A QR code by the `qrcode` package: `pixelsPerModule` px per module, shown at its natural size. */
async function qrImg(text: string, pixelsPerModule: number, style = ''): Promise<string> {
  const src = await QRCode.toDataURL(text, { scale: pixelsPerModule, margin: 4 });
  return `<img alt="QR code" src="${src}"${style ? ` style="${style}"` : ''}>`;
}

/**
 * The React way with a controlled input, without React: what react-dom does for `<input value={code} onChange=…>`.
 * It tracks the value it last wrote through an own `value` property on the node; on an `input` event (heard at the
 * root) it compares the node's real value with the tracked one and drops the event when they are equal; after the
 * handler it writes its state back. A fill that sets `input.value` in the page's world is therefore undone.
 */
const REACT_STYLE_LOGIN = `<h1>Sign in</h1>
<form id="login"><label>Password <input type="password" name="password" value="hunter2"></label>
<label>Code from your app <input id="otp" name="otp" type="text" inputmode="numeric" maxlength="8"></label>
<button>Sign in</button></form><p id="state"></p>
<script>
  const input = document.querySelector('#otp');
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(input, 'value', { configurable: true, get() { return native.get.call(this); }, set(value) { tracked = String(value); native.set.call(this, value); } });
  window.appState = { code: '', changes: 0 };
  const render = () => { input.value = window.appState.code; document.querySelector('#state').textContent = 'state: ' + window.appState.code; };
  document.addEventListener('input', (event) => {
    if (event.target !== input) return;
    const actual = native.get.call(input);
    if (actual === tracked) return;
    tracked = actual;
    window.appState = { code: actual.replace(/\\D/g, '').slice(0, 8), changes: window.appState.changes + 1 };
    render();
  });
  render();
</script>`;

export interface SignUpSite {
  origin: string;
  /** Another origin (another port) for the cross-origin frame. */
  otherOrigin: string;
  close(): Promise<void>;
}

export async function startSignUpSite(): Promise<SignUpSite> {
  const other = await serve({
    '/frame': page('Frame', '<label>Code <input id="frame-otp" autocomplete="one-time-code" inputmode="numeric"></label>'),
  });
  const resources: Record<string, Resource> = {
    '/totp-generator.bundle.js': { type: 'text/javascript', body: readFileSync(BUNDLE_FILE) },
    '/generator': page(
      'Set up 2FA',
      `<h1>Set up two-factor sign-in</h1><totp-generator issuer="Example Shop" account-name="jane@example.com"></totp-generator>
<script type="module" src="/totp-generator.bundle.js"></script>
<script>window.verifications = []; document.addEventListener('totp-verify', (event) => window.verifications.push(event.detail));</script>`,
    ),
    '/qrcode-2': page('2 px', `<h1>Scan this</h1>${await qrImg(BANK_URI, 2)}<p>Then enter the code.</p>`),
    '/qrcode-6': page('6 px', `<h1>Scan this</h1>${await qrImg(BANK_URI, 6)}<p>Then enter the code.</p>`),
    '/one-qr': page('One QR', `<h1>Scan this</h1>${await qrImg(BANK_URI, 4, 'margin:200px auto')}`),
    '/two': page('Two', `<h1>Two accounts</h1>${await qrImg(BANK_URI, 3)}${await qrImg(SHOP_URI, 3)}`),
    '/link': page('Link', `<h1>Our app</h1>${await qrImg(LONG_LINK, 3)}`),
    '/hotp': page('HOTP', `<h1>Old style</h1>${await qrImg(HOTP_URI, 4)}`),
    '/none': page('Nothing', '<h1>Sign in</h1><p>No QR code here, only words.</p><label>Name <input name="name"></label>'),
    // Mostly below the fold: only its top 110 px (the upper finder squares and a few rows) are in the window.
    '/cut-off': page('Cut off', `<h1>Scan this</h1>${await qrImg(BANK_URI, 4, 'position:absolute;left:300px;top:calc(100vh - 110px)')}<div style="height:200vh"></div>`),
    '/react-login': page('Sign in', REACT_STYLE_LOGIN),
    '/framed': page('Framed', `<h1>Framed sign-in</h1><iframe id="frame" src="${other.origin}/frame" width="400" height="120"></iframe>`),
  };
  const site = await serve(resources);
  return {
    origin: site.origin,
    otherOrigin: other.origin,
    close: async () => {
      await site.close();
      await other.close();
    },
  };
}
