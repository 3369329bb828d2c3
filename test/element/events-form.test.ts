// Events and their details, and the element inside a <form>: its value, validity before and after the user typed a
// correct code, and reset. Correct codes come from the `otpauth` package, not from the element.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, mount, oracleCode, part, record } from './helpers.js';

const T = Date.UTC(2026, 2, 3, 4, 5, 6);

function button(el: TotpGenerator, text: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === text || b.getAttribute('aria-label') === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** Types into the verify field as a user would (Enter unless the element checks a whole code by itself). */
async function type(el: TotpGenerator, text: string): Promise<void> {
  const checked = new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
  const input = part(el, 'verify') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  if (text.replace(/\s/g, '').length !== 6) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await checked;
  await el.updateComplete;
}

describe('<totp-generator> events', () => {
  it('totp-enroll carries secret, uri, qr_code, current_code and the parameters; bubbles and is composed', async () => {
    const clock = new FakeClock(T);
    const seen: CustomEvent[] = [];
    const listener = (event: Event) => seen.push(event as CustomEvent);
    document.addEventListener('totp-enroll', listener);
    try {
      const el = await fixture<TotpGenerator>(
        html`<totp-generator .clock=${clock} issuer="Acme" account-name="ada@example.com" digits="8" period="60" algorithm="SHA512"></totp-generator>`,
      );
      await el.enrollmentComplete;
      expect(seen).to.have.length(1);
      const event = seen[0]!;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({
        secret: el.secret,
        uri: el.uri,
        qr_code: el.qrCode,
        current_code: oracleCode(el, T),
        issuer: 'Acme',
        accountName: 'ada@example.com',
        digits: 8,
        period: 60,
        algorithm: 'SHA512',
      });
      expect(event.detail.qr_code).to.match(/^data:image\/png;base64,/);
    } finally {
      document.removeEventListener('totp-enroll', listener);
    }
  });

  it('totp-verify reports valid with the step offset for the current, previous and next code; invalid otherwise', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const verified = record(el, 'totp-verify');
    const status = () => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();

    await type(el, '000000' === oracleCode(el, T) ? '111111' : '000000');
    expect(verified.at(-1)!.detail).to.deep.equal({ valid: false, offset: null });
    expect(status()).to.contain('does not match');

    await type(el, '12345');
    expect(verified.at(-1)!.detail).to.deep.equal({ valid: false, offset: null });
    expect(status()).to.contain('6-digit code');

    for (const offset of [-1, 0, 1]) {
      const code = oracleCode(el, T + offset * 30_000);
      await type(el, `${code.slice(0, 3)} ${code.slice(3)}`);
      expect(verified.at(-1)!.detail).to.deep.equal({ valid: true, offset });
      expect(status()).to.contain('Correct');
    }
    await type(el, oracleCode(el, T + 2 * 30_000));
    expect(verified.at(-1)!.detail.valid).to.equal(false);
    expect(verified.every((event) => event.bubbles && event.composed)).to.equal(true);
  });

  it('checks by itself once a whole code is typed', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    const verified = new Promise<CustomEvent>((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
    const input = part(el, 'verify') as HTMLInputElement;
    input.value = oracleCode(el, T);
    input.dispatchEvent(new InputEvent('input'));
    expect((await verified).detail).to.deep.equal({ valid: true, offset: 0 });
  });

  it('totp-copy names what was copied, and the clipboard receives it', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
    Object.defineProperty(Clipboard.prototype, 'writeText', { configurable: true, value: async (text: string) => void written.push(text) });
    try {
      const copies = record(el, 'totp-copy');
      for (const label of ['Copy key', 'Copy link', 'Copy code']) {
        button(el, label).click();
        await new Promise((resolve) => el.addEventListener('totp-copy', resolve, { once: true }));
      }
      expect(copies.map((event) => event.detail.what)).to.deep.equal(['secret', 'uri', 'code']);
      expect(written).to.deep.equal([el.secret, el.uri, el.currentCode]);
      await el.updateComplete;
      expect(button(el, 'Copy code').textContent).to.equal('Copied');
    } finally {
      Object.defineProperty(Clipboard.prototype, 'writeText', original);
    }
  });

  it('when the browser refuses the clipboard, selects the text instead and fires no totp-copy', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${new FakeClock(T)} account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    const original = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
    Object.defineProperty(Clipboard.prototype, 'writeText', { configurable: true, value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    try {
      const copies = record(el, 'totp-copy');
      button(el, 'Copy key').click();
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(copies).to.deep.equal([]);
      expect(el.shadowRoot!.textContent).to.contain('The text is selected');
      expect(getSelection()!.toString().replace(/\s+/g, '')).to.equal(el.secret);
    } finally {
      Object.defineProperty(Clipboard.prototype, 'writeText', original);
      getSelection()!.removeAllRanges();
    }
  });

  it('announces the code only when asked, in a polite live region', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    const live = el.shadowRoot!.querySelector('[aria-live=polite]')!;
    expect(live.textContent).to.equal('');
    expect(part(el, 'code')!.closest('[aria-live],[role=status],[role=alert]')).to.equal(null);
    button(el, 'Read code').click();
    await el.updateComplete;
    expect(live.textContent).to.equal(`Current code: ${oracleCode(el, T).split('').join(' ')}. It changes in 24 seconds.`);
    // The next code is not announced by itself.
    clock.advanceTo(T + 30_000);
    await el.enrollmentComplete;
    expect(live.textContent).to.equal('');
  });

  it('downloads the QR as PNG and SVG through object URLs it revokes', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator issuer="Acme" account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const created: Blob[] = [];
    const revoked: string[] = [];
    const names: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    let clicked = () => {};
    URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), `blob:test/${created.length}`);
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(`${this.download} ${this.href}`);
      clicked();
    };
    const nextClick = () => new Promise<void>((resolve) => (clicked = resolve));
    try {
      let download = nextClick();
      button(el, 'Download PNG').click();
      await download;
      download = nextClick();
      button(el, 'Download SVG').click();
      await download;
      el.remove();
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal(['Acme-ada@example.com-totp.png blob:test/1', 'Acme-ada@example.com-totp.svg blob:test/2']);
    expect(revoked).to.deep.equal(['blob:test/1', 'blob:test/2']);
    expect(created.map((blob) => blob.type)).to.deep.equal(['image/png', 'image/svg+xml']);
    const png = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...png.subarray(1, 4)]).to.deep.equal([0x50, 0x4e, 0x47]);
    expect(await created[1]!.text()).to.match(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

describe('<totp-generator> in a form', () => {
  it('submits the secret under its name', async () => {
    const form = mount<HTMLFormElement>(html`<form><totp-generator name="totp_secret" account-name="a"></totp-generator></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect(new FormData(form).get('totp_secret')).to.equal(el.secret);
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.equal(true);
  });

  it('without a name submits nothing; with a bad attribute it is invalid and submits nothing', async () => {
    const form = mount<HTMLFormElement>(html`<form><totp-generator account-name="a"></totp-generator></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    el.setAttribute('name', 'totp');
    el.setAttribute('period', '5');
    await el.enrollmentComplete;
    expect(new FormData(form).has('totp')).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('period');
  });

  it('is disabled with a disabled fieldset around it: controls off, no value submitted', async () => {
    const form = mount<HTMLFormElement>(html`<form><fieldset><totp-generator name="totp" account-name="a"></totp-generator></fieldset></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('button, input')].every((control) => control.matches(':disabled'))).to.equal(true);
    expect(new FormData(form).has('totp')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.matches(':disabled')).to.equal(false);
    expect(new FormData(form).get('totp')).to.equal(el.secret);
  });

  it('with require-verification is invalid until a correct code is typed', async () => {
    const clock = new FakeClock(T);
    const form = mount<HTMLFormElement>(
      html`<form><totp-generator .clock=${clock} name="totp" require-verification account-name="a"></totp-generator><button>Save</button></form>`,
    );
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    let submitted = 0;
    form.addEventListener('submit', (event) => (event.preventDefault(), submitted++));

    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.equal('Enter the code from your authenticator app to confirm it is set up.');
    form.requestSubmit();
    expect(submitted).to.equal(0);

    await type(el, '999999' === oracleCode(el, T) ? '888888' : '999999');
    expect(form.checkValidity()).to.equal(false);

    await type(el, oracleCode(el, T));
    expect(form.checkValidity()).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.equal(1);
    expect(new FormData(form).get('totp')).to.equal(el.secret);

    // A new secret needs a new verification.
    el.regenerate();
    await el.enrollmentComplete;
    expect(form.checkValidity()).to.equal(false);
  });

  it('form reset makes a new secret and forgets the verification', async () => {
    const clock = new FakeClock(T);
    const form = mount<HTMLFormElement>(
      html`<form><totp-generator .clock=${clock} name="totp" require-verification account-name="a"></totp-generator></form>`,
    );
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    await type(el, oracleCode(el, T));
    expect(form.checkValidity()).to.equal(true);
    const before = el.secret;
    const enrolled = record(el, 'totp-enroll');
    form.reset();
    await el.enrollmentComplete;
    expect(el.secret).to.not.equal(before);
    expect(new FormData(form).get('totp')).to.equal(el.secret);
    expect(enrolled).to.have.length(1);
    expect(form.checkValidity()).to.equal(false);
    expect((part(el, 'verify') as HTMLInputElement).value).to.equal('');
  });

  it('form reset keeps a brought secret (the field’s default) but forgets the verification', async () => {
    const clock = new FakeClock(T);
    const form = mount<HTMLFormElement>(
      html`<form><totp-generator .clock=${clock} name="totp" secret="GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" require-verification account-name="a"></totp-generator></form>`,
    );
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    await type(el, oracleCode(el, T));
    expect(form.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.secret).to.equal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(form.checkValidity()).to.equal(false);
  });
});
