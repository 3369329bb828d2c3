// Every URI we build is parsed back by two independent parsers (@otplib/uri and otpauth) to the same fields.
import { expect } from 'chai';
import fc from 'fast-check';
import { parse } from '@otplib/uri';
import * as OTPAuth from 'otpauth';
import { createEnrollment, type EnrollmentOptions } from '../../src/core/index.js';

function roundTrip(options: EnrollmentOptions) {
  const enrollment = createEnrollment(options);
  const { parameters, secret, uri } = enrollment;
  const otplib = parse(uri);
  expect(otplib.type).to.equal('totp');
  expect(otplib.params.secret).to.equal(secret.base32);
  expect(otplib.params.digits).to.equal(parameters.digits);
  expect(otplib.params.period).to.equal(parameters.period);
  expect(otplib.params.algorithm?.toUpperCase()).to.equal(parameters.algorithm);
  expect(otplib.label).to.equal(parameters.issuer ? `${parameters.issuer}:${parameters.accountName}` : parameters.accountName);
  expect(otplib.params.issuer ?? '').to.equal(parameters.issuer);

  const otpauth = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
  expect(otpauth).to.be.instanceOf(OTPAuth.TOTP);
  expect(otpauth.issuer).to.equal(parameters.issuer);
  expect(otpauth.label).to.equal(parameters.accountName);
  expect(otpauth.secret.base32).to.equal(secret.base32);
  expect([otpauth.algorithm, otpauth.digits, otpauth.period]).to.deep.equal([parameters.algorithm, parameters.digits, parameters.period]);
  return enrollment;
}

describe('Key URI', () => {
  it("writes the hosted API's exact form and parameter order", () => {
    const { uri } = createEnrollment({ issuer: 'MyApp', accountName: 'user@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(uri).to.equal(
      'otpauth://totp/MyApp:user%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MyApp&digits=6&period=30&algorithm=SHA1',
    );
  });

  it('always writes digits, period and algorithm, even at their defaults', () => {
    const { uri } = createEnrollment({ accountName: 'a', digits: 8, period: 60, algorithm: 'SHA512' });
    expect(new URL(uri).search).to.match(/^\?secret=[A-Z2-7]+&digits=8&period=60&algorithm=SHA512$/);
  });

  it('encodes spaces as %20, never +', () => {
    const { uri } = roundTrip({ issuer: 'My Bank', accountName: 'Jane Doe' });
    expect(uri).to.contain('otpauth://totp/My%20Bank:Jane%20Doe?').and.contain('&issuer=My%20Bank&');
    expect(uri).not.to.contain('+');
  });

  it('round-trips Unicode, spaces, @ & % + # ? / in issuer and account', () => {
    roundTrip({ issuer: 'Ünïcödé Bänk 銀行 🏦', accountName: 'jöhn+tag@exämple.com' });
    roundTrip({ issuer: 'A&B %20 +plus #hash ?q /slash', accountName: 'x&y=z%41 #? / @' });
  });

  it('leaves out the issuer entirely when there is none', () => {
    const { uri } = roundTrip({ accountName: 'solo@example.com' });
    expect(uri).to.match(/^otpauth:\/\/totp\/solo%40example\.com\?secret=[A-Z2-7]+&digits=6/);
  });

  it('trims surrounding spaces from the labels', () => {
    expect(createEnrollment({ issuer: '  MyApp ', accountName: ' me ' }).parameters).to.include({ issuer: 'MyApp', accountName: 'me' });
  });

  it('round-trips random labels of every kind of character (property-based)', () => {
    const label = fc.string({ unit: 'binary', minLength: 0, maxLength: 40 }).map((text) => text.replace(/[:\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '').trim());
    fc.assert(
      fc.property(label, label.filter((text) => text !== ''), fc.constantFrom('SHA1', 'SHA256', 'SHA512'), (issuer, accountName, algorithm) => {
        roundTrip({ issuer, accountName, algorithm });
      }),
      { numRuns: 300 },
    );
  });
});
