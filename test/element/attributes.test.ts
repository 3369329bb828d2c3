// Attribute changes, a brought secret, and every kind of bad input: an inline error naming the attribute, a
// `totp-error` event, no QR or code left on screen, and nothing thrown to the page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, oracleCode, part, readRenderedQr, record } from './helpers.js';

const T = Date.UTC(2026, 5, 1, 12, 0, 10);

async function generator(attributes: Record<string, string> = {}): Promise<TotpGenerator> {
  const el = document.createElement('totp-generator');
  el.clock = new FakeClock(T);
  for (const [name, value] of Object.entries({ issuer: 'Acme', 'account-name': 'ada@example.com', ...attributes })) el.setAttribute(name, value);
  await fixture(el);
  await el.enrollmentComplete;
  return el;
}

describe('<totp-generator> attributes', () => {
  it('updates URI, QR and code at once when digits, period or algorithm change', async () => {
    const el = await generator();
    el.setAttribute('digits', '8');
    el.setAttribute('period', '60');
    await el.enrollmentComplete;
    expect(el.uri).to.contain('digits=8&period=60&algorithm=SHA1');
    expect(await readRenderedQr(el)).to.equal(el.uri);
    expect(el.currentCode).to.have.length(8).and.equal(oracleCode(el, T));
  });

  it('keeps the secret when issuer, account name, digits or period change', async () => {
    const el = await generator();
    const secret = el.secret;
    for (const [name, value] of [['issuer', 'Other Co'], ['account-name', 'bob@example.com'], ['digits', '8'], ['period', '45']]) {
      el.setAttribute(name!, value!);
      await el.enrollmentComplete;
      expect(el.secret, name).to.equal(secret);
    }
    expect(el.uri).to.match(/^otpauth:\/\/totp\/Other%20Co:bob%40example\.com\?/);
    expect(await readRenderedQr(el)).to.equal(el.uri);
  });

  it('keeps the secret through a bad value and back', async () => {
    const el = await generator();
    const secret = el.secret;
    el.setAttribute('issuer', 'Ac:me');
    await el.enrollmentComplete;
    expect(el.secret).to.equal('');
    el.setAttribute('issuer', 'Acme');
    await el.enrollmentComplete;
    expect(el.secret).to.equal(secret);
  });

  it('makes a new secret, of the algorithm’s length, when the algorithm changes', async () => {
    const el = await generator();
    const secret = el.secret;
    expect(secret).to.have.length(32); // 20 bytes
    el.setAttribute('algorithm', 'SHA256');
    await el.enrollmentComplete;
    expect(el.secret).to.not.equal(secret);
    expect(el.secret).to.have.length(52); // 32 bytes
    expect(el.currentCode).to.equal(oracleCode(el, T));
  });

  it('regenerate() and the button make a new secret and fire totp-enroll', async () => {
    const el = await generator();
    const enrolled = record(el, 'totp-enroll');
    const first = el.secret;
    el.regenerate();
    await el.enrollmentComplete;
    const second = el.secret;
    expect(second).to.not.equal(first);
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'New secret')!;
    button.click();
    await el.enrollmentComplete;
    expect(el.secret).to.not.equal(second);
    expect(enrolled.map((event) => event.detail.secret)).to.deep.equal([second, el.secret]);
  });

  it('shows a brought secret (any case, spaces) instead of generating one, and offers no regenerate button', async () => {
    const el = await generator({ secret: 'jbsw y3dp ehpk 3pxp' });
    expect(el.secret).to.equal('JBSWY3DPEHPK3PXP');
    expect(el.uri).to.contain('secret=JBSWY3DPEHPK3PXP&');
    expect(el.currentCode).to.equal(oracleCode(el, T));
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).to.not.include('New secret');
    // 80 bits: accepted, with a warning (RFC 4226 R6 asks for at least 128).
    expect(el.shadowRoot!.textContent).to.contain('shorter than 128 bits');
    el.setAttribute('issuer', 'Elsewhere');
    el.setAttribute('algorithm', 'SHA256');
    await el.enrollmentComplete;
    expect(el.secret).to.equal('JBSWY3DPEHPK3PXP');
  });

  it('the secret property sets a brought secret; removing it generates one', async () => {
    const el = await generator();
    el.secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    await el.enrollmentComplete;
    expect(el.getAttribute('secret')).to.equal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(el.secret).to.equal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    el.removeAttribute('secret');
    await el.enrollmentComplete;
    expect(el.secret).to.match(/^[A-Z2-7]{32}$/).and.not.equal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('warns in plain words, naming apps, when the settings are not SHA1 / 6 / 30', async () => {
    const plain = await generator();
    expect(part(plain, 'warning')).to.equal(null);
    const el = await generator({ period: '45', algorithm: 'SHA256' });
    const text = part(el, 'warning')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Google Authenticator');
    expect(text).to.contain('would show wrong codes, because of the 45-second period');
    expect(text).to.contain('2FAS would refuse this QR code');
    expect(text).to.contain('Microsoft Authenticator and Authy cannot use the SHA256 algorithm');
    expect(text).to.contain('Aegis, Ente Auth, and Bitwarden handle every setting');
  });
});

describe('<totp-generator> bad input', () => {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in event ? event.reason : event.error);
  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  const cases: [string, string, string, RegExp][] = [
    ['digits', '7', 'digits', /Invalid digits: got "7"\. Allowed: 6 or 8/],
    ['period', '5', 'period', /Invalid period: .*from 10 to 120/],
    ['period', '30s', 'period', /Invalid period/],
    ['algorithm', 'MD5', 'algorithm', /Invalid algorithm: got "MD5"\. Allowed: SHA1, SHA256, SHA512/],
    ['algorithm', 'SHA-1', 'algorithm', /Invalid algorithm/],
    ['secret', 'not base32!', 'secret', /Invalid secret: .*not a Base32 character.*A-Z and digits 2-7/],
    ['secret', 'ABC', 'secret', /Invalid secret: has 3 characters/],
    ['issuer', 'Ac:me', 'issuer', /Invalid issuer: .*contains a colon/],
    ['account-name', 'ada:x', 'account-name', /Invalid account-name: .*contains a colon/],
    ['account-name', '  ', 'account-name', /Invalid account-name: is required/],
    // Issue 21: a lone surrogate was a URIError (field "unknown"); bidi overrides and line breaks were accepted.
    ['account-name', 'ada\uD800', 'account-name', /Invalid account-name: contains a lone surrogate/],
    ['issuer', 'Bank\u202Eevil', 'issuer', /Invalid issuer: contains U\+202E, a control or bidi-override character/],
    ['account-name', 'ada\nx', 'account-name', /Invalid account-name: contains U\+000A/],
  ];
  for (const [attribute, value, field, message] of cases) {
    it(`${attribute}=${JSON.stringify(value)} → inline error and totp-error naming ${field}, no QR or code`, async () => {
      const el = await generator();
      const errors = record(el, 'totp-error');
      el.setAttribute(attribute, value);
      expect(await el.enrollmentComplete).to.equal(false);
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(message);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail).to.deep.equal({ field, message: error.textContent });
      expect(errors[0]!.bubbles && errors[0]!.composed).to.equal(true);
      for (const name of ['qr', 'secret', 'uri', 'code', 'countdown', 'verify']) expect(part(el, name), name).to.equal(null);
      expect([el.secret, el.uri, el.currentCode, el.qrCode]).to.deep.equal(['', '', '', '']);
      expect(el.clock.setTimeout).to.be.a('function');
      expect((el.clock as FakeClock).pending).to.equal(0);
      expect(uncaught).to.deep.equal([]);
    });
  }

  it('an element created with a bad attribute never shows a QR at all', async () => {
    const errors: unknown[] = [];
    document.addEventListener('totp-error', (event) => errors.push(event.detail), { once: true });
    const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a" digits="7"></totp-generator>`);
    await el.enrollmentComplete;
    expect(part(el, 'qr')).to.equal(null);
    expect(errors).to.deep.equal([{ field: 'digits', message: part(el, 'error')!.textContent }]);
  });

  it('shows an error, not an exception, when WebCrypto itself fails', async () => {
    const sign = SubtleCrypto.prototype.sign;
    SubtleCrypto.prototype.sign = () => Promise.reject(new DOMException('broken', 'OperationError'));
    try {
      const errors: CustomEvent[] = [];
      document.addEventListener('totp-error', (event) => errors.push(event), { once: true });
      const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a"></totp-generator>`);
      expect(await el.enrollmentComplete).to.equal(false);
      expect(part(el, 'qr')).to.equal(null);
      expect(part(el, 'error')!.textContent).to.contain('broken');
      expect(errors).to.have.length(1);
    } finally {
      SubtleCrypto.prototype.sign = sign;
    }
    expect(uncaught).to.deep.equal([]);
  });

  it('says plainly that it needs HTTPS when WebCrypto is hidden (insecure context)', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get: () => undefined });
    try {
      const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a"></totp-generator>`);
      expect(await el.enrollmentComplete).to.equal(false);
      expect(part(el, 'error')!.textContent).to.contain('needs HTTPS');
      expect(part(el, 'qr')).to.equal(null);
    } finally {
      Object.defineProperty(Crypto.prototype, 'subtle', descriptor);
    }
    expect(uncaught).to.deep.equal([]);
  });
});
