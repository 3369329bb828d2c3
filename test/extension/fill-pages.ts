// Sign-in pages with the code inputs real sites build, for the Fill tests (Chromium and Firefox) and the fill bench.
// Each page keeps its own idea of the code the way its kind of component does, and exposes it as `window.pageState()`
// (what the page's code holds, the boxes' values, the FormData its form would submit), so a test checks the fill
// from the page's side. The React and Vue pages run the real libraries (React 19 bundled here with esbuild, Vue's
// own browser build with its template compiler).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { serve, type Resource } from '../pages/browser-harness.js';

/** A host name the launched browsers map to 127.0.0.1: another site than 127.0.0.1 itself, for cross-site frames. */
export const OTHER_SITE_HOST = 'othersite.test';
export const CHROMIUM_HOST_RULES = `--host-resolver-rules=MAP ${OTHER_SITE_HOST} 127.0.0.1`;

/** Keys pasted into the popup: the page is about them, so Fill uses them without asking. */
export const KEY_6 = { uri: 'otpauth://totp/Shop:ann?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shop', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', digits: 6 } as const;
export const KEY_8 = { uri: 'otpauth://totp/Bank:jo?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&digits=8', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', digits: 8 } as const;

/** What every page reports about itself. */
export interface PageState {
  /** The code as the page's own logic holds it (component state, model, its own variable). */
  code: string;
  /** Every input's value, in document order (inside shadow roots and frames where the page has them). */
  values: string[];
  /** What the page's form would submit. */
  form: [string, string][];
  /** Set when the form was submitted (Fill and submit). */
  submitted?: [string, string][];
  focusedValue?: string;
}

const HTML = 'text/html; charset=utf-8';
const page = (title: string, body: string): Resource => ({
  type: HTML,
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;padding:24px;font:16px system-ui} .boxes input{width:2em;text-align:center;margin:2px}</style>
</head><body>${body}</body></html>`,
});

/** The state helper every page shares: `code()` is the page's own idea of the code. */
const stateScript = (code: string, inputs = `[...document.querySelectorAll('input')]`, form = `document.querySelector('form')`) => `<script>
  window.submitted = undefined;
  ${form}?.addEventListener('submit', (event) => { event.preventDefault(); window.submitted = [...new FormData(event.target)]; });
  window.pageState = () => ({ code: (${code})(), values: ${inputs}.map((input) => input.value), form: ${form} ? [...new FormData(${form})] : [], submitted: window.submitted });
</script>`;

/**
 * Boxes that keep only the last character typed into them and move the focus on, with a paste spreading the digits:
 * how the OTP-box components for React and Vue behave, in plain script.
 */
const boxesPage = (count: number) => `<h1>Two-step verification</h1><form id="f"><p>Enter the code</p><div class="boxes">
${Array.from({ length: count }, (_, index) => `<input name="d${index}" maxlength="1" inputmode="numeric" autocomplete="${index === 0 ? 'one-time-code' : 'off'}" aria-label="Digit ${index + 1}">`).join('')}
</div><button>Verify</button></form>
<script>
  const boxes = [...document.querySelectorAll('.boxes input')];
  window.digits = boxes.map(() => '');
  boxes.forEach((box, index) => {
    box.addEventListener('input', () => {
      const last = box.value.replace(/\\D/g, '').slice(-1);
      box.value = last;
      window.digits[index] = last;
      if (last && boxes[index + 1]) boxes[index + 1].focus();
    });
    box.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = event.clipboardData.getData('text').replace(/\\D/g, '');
      [...text].forEach((digit, at) => { if (boxes[index + at]) { boxes[index + at].value = digit; window.digits[index + at] = digit; } });
    });
  });
</script>${stateScript('() => window.digits.join("")')}`;

/** A React 19 controlled OTP component: six boxes, state in a useState array, focus moved in onChange. */
const REACT_OTP = `
import { useState, useRef, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
function Otp({ length }) {
  const [digits, setDigits] = useState(() => Array(length).fill(''));
  const boxes = useRef([]);
  useEffect(() => { window.reactDigits = digits; });
  const change = (index, event) => {
    const digit = event.target.value.replace(/\\D/g, '').slice(-1);
    setDigits((old) => old.map((each, at) => (at === index ? digit : each)));
    if (digit && index < length - 1) boxes.current[index + 1].focus();
  };
  return (
    <form id="f" onSubmit={(event) => { event.preventDefault(); window.submitted = [...new FormData(event.target)]; }}>
      <h2>Enter the code from your app</h2>
      <div className="boxes">
        {digits.map((digit, index) => (
          <input key={index} ref={(box) => { boxes.current[index] = box; }} name={'d' + index} value={digit} maxLength={1} inputMode="numeric" aria-label={'Digit ' + (index + 1)} onChange={(event) => change(index, event)} />
        ))}
      </div>
      <button>Verify</button>
    </form>
  );
}
createRoot(document.getElementById('app')).render(<Otp length={6} />);
`;

async function reactBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: REACT_OTP, loader: 'jsx', resolveDir: process.cwd() },
    bundle: true,
    format: 'iife',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** react-otp-input's cursor: the active box is set on focus and moved back by one on blur; a change goes to it. */
const CURSOR_ON_BLUR = `<h1>Verify</h1><form id="f"><p>Enter the code</p><div class="boxes">
${Array.from({ length: 6 }, (_, index) => `<input name="d${index}" maxlength="1" inputmode="numeric" aria-label="Digit ${index + 1}">`).join('')}
</div></form>
<script>
  const boxes = [...document.querySelectorAll('.boxes input')];
  window.otp = ['', '', '', '', '', ''];
  let active = 0;
  const render = () => boxes.forEach((box, index) => { box.value = window.otp[index]; });
  boxes.forEach((box, index) => {
    box.addEventListener('focusin', () => { active = index; });
    box.addEventListener('focusout', () => { active = active - 1; });
    box.addEventListener('input', () => {
      const digit = box.value.replace(/\\D/g, '').slice(-1);
      if (active >= 0 && active < 6) window.otp[active] = digit;
      render();
      if (digit && boxes[active + 1]) boxes[active + 1].focus();
    });
  });
  boxes[0].focus();
</script>${stateScript('() => window.otp.join("")')}`;

/** A field whose script owns the value: it handles keydown itself and puts its state back on any input event. */
const KEYDOWN_ONLY = `<h1>Sign in</h1><form id="f"><label>Security code <input id="code" name="code" autocomplete="off"></label><button>Go</button></form>
<script>
  const field = document.querySelector('#code');
  window.typed = '';
  field.addEventListener('keydown', (event) => {
    if (/^\\d$/.test(event.key) && event.code === 'Digit' + event.key) { event.preventDefault(); window.typed += event.key; field.value = window.typed; }
    else if (event.key === 'Backspace') { event.preventDefault(); window.typed = window.typed.slice(0, -1); field.value = window.typed; }
  });
  field.addEventListener('input', () => { field.value = window.typed; });
</script>${stateScript('() => window.typed')}`;

const VUE_PAGE = `<h1>Verify</h1><div id="app"></div>
<script type="module">
  import { createApp } from '/vue.js';
  createApp({
    data: () => ({ code: '' }),
    template: '<form id="f"><label>Verification code <input name="verification" v-model="code" inputmode="numeric"></label><p>model: {{ code }}</p><button>Verify</button></form>',
    mounted() { window.vueApp = this; },
  }).mount('#app');
</script>${stateScript('() => window.vueApp.code')}`;

const shadowPage = (mode: 'open' | 'closed') => `<h1>Verify</h1><form id="f"><code-box name="code"></code-box><button>Go</button></form>
<script>
  customElements.define('code-box', class extends HTMLElement {
    static formAssociated = true;
    constructor() {
      super();
      const root = this.attachShadow({ mode: '${mode}' });
      root.innerHTML = '<label>Code <input autocomplete="one-time-code" inputmode="numeric"></label>';
      const internals = this.attachInternals();
      window.shadowInput = root.querySelector('input');
      window.shadowInput.addEventListener('input', () => internals.setFormValue(window.shadowInput.value));
    }
  });
</script>${stateScript('() => window.shadowInput.value', '[window.shadowInput]')}`;

export interface FillSite {
  origin: string;
  /** Same host, another port: the same site, another origin. */
  sameSiteOrigin: string;
  /** Another site (OTHER_SITE_HOST). */
  otherSiteOrigin: string;
  close(): Promise<void>;
}

export async function startFillSite(): Promise<FillSite> {
  const framePage = (label: string) =>
    page('Frame', `<form id="f"><label>${label} <input id="frame-otp" name="otp" autocomplete="one-time-code" inputmode="numeric"></label></form>${stateScript('() => document.querySelector("#frame-otp").value')}`);
  const other = await serve({ '/frame': framePage('Code') });
  const otherPort = new URL(other.origin).port;
  const otherSiteOrigin = `http://${OTHER_SITE_HOST}:${otherPort}`;
  const require = createRequire(import.meta.url);
  const resources: Record<string, Resource> = {
    '/six-boxes': page('Six boxes', boxesPage(6)),
    '/eight-boxes': page('Eight boxes', boxesPage(8)),
    // The form is React's, rendered after the scripts run: it records its own submission.
    '/react-boxes': page(
      'React',
      `<div id="app"></div><script src="/react-otp.js"></script><script>window.pageState = () => ({ code: (window.reactDigits ?? []).join(''), values: [...document.querySelectorAll('input')].map((input) => input.value), form: [...new FormData(document.querySelector('form'))], submitted: window.submitted });</script>`,
    ),
    '/react-otp.js': { type: 'text/javascript', body: await reactBundle() },
    '/vue.js': { type: 'text/javascript', body: readFileSync(require.resolve('vue/dist/vue.esm-browser.prod.js')) },
    '/cursor-on-blur': page('Cursor on blur', CURSOR_ON_BLUR),
    '/keydown-only': page('Keydown only', KEYDOWN_ONLY),
    '/masked': page('Masked', `<h1>Verify</h1><form id="f"><label>One-time code <input type="password" name="otp" autocomplete="one-time-code"></label><button>Go</button></form>${stateScript('() => document.querySelector("[name=otp]").value')}`),
    '/password-focused': page(
      'Sign in',
      `<h1>Sign in</h1><form id="f"><label>User <input name="user" autocomplete="username" value="jo"></label><label>Password <input type="password" name="password" autocomplete="current-password"></label>
<label>Verification code <input name="totp" inputmode="numeric"></label><button>Sign in</button></form><script>document.querySelector('[name=password]').focus();</script>${stateScript('() => document.querySelector("[name=totp]").value')}`,
    ),
    '/password-only': page(
      'Sign in',
      `<h1>Sign in</h1><form id="f"><label>User <input name="user" autocomplete="username" value="jo"></label><label>Password <input type="password" name="password"></label><button>Sign in</button></form><script>document.querySelector('[name=password]').focus();</script>${stateScript('() => document.querySelector("[name=password]").value')}`,
    ),
    '/phone': page(
      'Verify',
      `<h1>Verify</h1><form id="f"><label>Phone number <input type="tel" name="phone" autocomplete="tel" value=""></label><label>Code <input type="tel" name="otc" maxlength="6"></label><button>Go</button></form>${stateScript('() => document.querySelector("[name=otc]").value')}`,
    ),
    '/short-maxlength': page('Short', `<h1>Verify</h1><form id="f"><label>Code <input name="otc" autocomplete="one-time-code" maxlength="4"></label></form>${stateScript('() => document.querySelector("[name=otc]").value')}`),
    '/vue': page('Vue', VUE_PAGE),
    '/open-shadow': page('Open shadow', shadowPage('open')),
    '/closed-shadow': page('Closed shadow', shadowPage('closed')),
    '/same-origin-frame': page('Frame', `<h1>Framed</h1><iframe id="frame" src="/frame" width="400" height="120"></iframe>`),
    '/frame': framePage('Code'),
    '/same-site-frame': page('Frame', `<h1>Framed</h1><iframe id="frame" src="${other.origin}/frame" width="400" height="120"></iframe>`),
    '/cross-site-frame': page('Frame', `<h1>Framed</h1><iframe id="frame" src="${otherSiteOrigin}/frame" width="400" height="120"></iframe>`),
  };
  const site = await serve(resources);
  return {
    origin: site.origin,
    sameSiteOrigin: other.origin,
    otherSiteOrigin,
    close: async () => {
      await site.close();
      await other.close();
    },
  };
}
