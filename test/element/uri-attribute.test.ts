// `uri`: an enrollment made elsewhere (a site's server made the secret) shown by the element — its secret, a QR code
// that reads back as the same key, and the live code — with the Key URI built by another library (`otpauth`).
import { expect, fixture } from '@open-wc/testing';
import * as OTPAuth from 'otpauth';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, part, readRenderedQr, record } from './helpers.js';

const T = Date.UTC(2026, 5, 1, 12, 0, 10);
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';

function otpauthTotp(overrides: Partial<ConstructorParameters<typeof OTPAuth.TOTP>[0]> = {}): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Their Site', label: 'grace@example.org', secret: OTPAuth.Secret.fromBase32(SECRET), algorithm: 'SHA256', digits: 8, period: 60, ...overrides });
}

async function generator(attributes: Record<string, string>): Promise<TotpGenerator> {
  const el = document.createElement('totp-generator');
  el.clock = new FakeClock(T);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await fixture(el);
  await el.enrollmentComplete;
  return el;
}

describe('<totp-generator uri>', () => {
  it('shows the Key URI’s secret, a QR code holding the same key, and its live code', async () => {
    const totp = otpauthTotp();
    const el = await generator({ uri: totp.toString() });
    expect(el.secret).to.equal(SECRET);
    expect(el.currentCode).to.equal(totp.generate({ timestamp: T }));
    const read = OTPAuth.URI.parse(await readRenderedQr(el)) as OTPAuth.TOTP;
    expect([read.issuer, read.label, read.secret.base32, read.algorithm, read.digits, read.period]).to.deep.equal(['Their Site', 'grace@example.org', SECRET, 'SHA256', 8, 60]);
    (el.clock as FakeClock).advanceTo(T + 60_000);
    await el.enrollmentComplete;
    expect(el.currentCode).to.equal(totp.generate({ timestamp: T + 60_000 }));
  });

  it('wins over the other enrollment attributes, and offers no new secret', async () => {
    const el = await generator({ issuer: 'Mine', 'account-name': 'me@example.com', secret: 'JBSWY3DPEHPK3PXP', digits: '6', uri: otpauthTotp().toString() });
    expect(el.secret).to.equal(SECRET);
    expect(el.uri).to.match(/^otpauth:\/\/totp\/Their%20Site:grace%40example\.org\?/);
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).to.not.include('New secret');
    el.setAttribute('issuer', 'Other');
    await el.enrollmentComplete;
    expect(el.uri).to.match(/^otpauth:\/\/totp\/Their%20Site:/);
  });

  it('the uri property sets the attribute; regenerate() drops it for a new random secret', async () => {
    const el = await generator({ 'account-name': 'me@example.com' });
    el.uri = otpauthTotp({ algorithm: 'SHA1', digits: 6, period: 30 }).toString();
    await el.enrollmentComplete;
    expect(el.getAttribute('uri')).to.match(/^otpauth:\/\/totp\//);
    expect(el.secret).to.equal(SECRET);
    el.regenerate();
    await el.enrollmentComplete;
    expect(el.hasAttribute('uri')).to.equal(false);
    expect(el.secret).to.match(/^[A-Z2-7]{32}$/).and.not.equal(SECRET);
    expect(el.uri).to.contain('me%40example.com');
  });

  const bad: [string, RegExp][] = [
    ['otpauth://hotp/Acme:ada?secret=JBSWY3DPEHPK3PXP&counter=0', /Invalid uri: has type that .*counter-based codes are not supported/],
    ['otpauth://totp/Acme:ada?issuer=Acme', /Invalid uri: has secret that is missing/],
    ['otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-1', /Invalid uri: has algorithm that .*SHA1/],
    ['otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP&digits=7', /Invalid uri: has digits that .*7/],
    ['https://example.com/2fa', /Invalid uri: is a https: link/],
    // Too long for a QR code: only createEnrollment finds it, and it used to name account-name, an attribute not set.
    [`otpauth://totp/Acme:${'a'.repeat(3000)}?secret=JBSWY3DPEHPK3PXP`, /Invalid uri: has accountName that makes the URI \d+ bytes long/],
    ['otpauth://totp/Acme:ada%E2%80%AE?secret=JBSWY3DPEHPK3PXP', /Invalid uri: has accountName that contains U\+202E/],
  ];
  for (const [uri, message] of bad) {
    it(`uri="${uri.length > 80 ? `${uri.slice(0, 80)}…` : uri}" → inline error and totp-error naming uri, nothing else shown`, async () => {
      const el = await generator({ 'account-name': 'me@example.com' });
      const errors = record(el, 'totp-error');
      el.setAttribute('uri', uri);
      expect(await el.enrollmentComplete).to.equal(false);
      const error = part(el, 'error')!;
      expect(error.textContent).to.match(message);
      expect(errors.map((event) => event.detail)).to.deep.equal([{ field: 'uri', message: error.textContent }]);
      for (const name of ['qr', 'secret', 'uri', 'code']) expect(part(el, name), name).to.equal(null);
      expect([el.secret, el.uri, el.currentCode]).to.deep.equal(['', '', '']);
    });
  }
});
