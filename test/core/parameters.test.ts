// Every invalid parameter is refused with one typed error naming the field, the value and what is allowed.
import { expect } from 'chai';
import { createEnrollment, parseParameters, TotpParameterError, type EnrollmentOptions } from '../../src/core/index.js';

function refusal(options: EnrollmentOptions): TotpParameterError {
  try {
    createEnrollment(options);
  } catch (error) {
    expect(error).to.be.instanceOf(TotpParameterError);
    return error as TotpParameterError;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe('parameters', () => {
  it('fills in the hosted API defaults: 6 digits, 30 s, SHA1, no issuer', () => {
    expect(parseParameters({ accountName: 'user@example.com' })).to.deep.equal({
      issuer: '',
      accountName: 'user@example.com',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
  });

  it('accepts the limits and decimal strings (attributes and query strings are text)', () => {
    expect(parseParameters({ accountName: 'a', digits: '8', period: '10', algorithm: 'SHA512' })).to.include({ digits: 8, period: 10, algorithm: 'SHA512' });
    expect(parseParameters({ accountName: 'a', digits: 6, period: 120, algorithm: 'SHA256' })).to.include({ digits: 6, period: 120 });
  });

  const bad: [string, EnrollmentOptions, string, RegExp][] = [
    ['digits 7', { accountName: 'a', digits: 7 }, 'digits', /digits: got 7; expected 6 or 8/],
    ['digits "six"', { accountName: 'a', digits: 'six' }, 'digits', /expected 6 or 8/],
    ['period 5', { accountName: 'a', period: 5 }, 'period', /period: got 5; expected a whole number of seconds from 10 to 120/],
    ['period 121', { accountName: 'a', period: 121 }, 'period', /got 121; .*from 10 to 120/],
    ['period 30.5', { accountName: 'a', period: 30.5 }, 'period', /got 30\.5; .*from 10 to 120/],
    ['period "30s"', { accountName: 'a', period: '30s' }, 'period', /got "30s"; .*from 10 to 120/],
    ['period "30.0"', { accountName: 'a', period: '30.0' }, 'period', /from 10 to 120/],
    ['period -30', { accountName: 'a', period: -30 }, 'period', /from 10 to 120/],
    ['algorithm MD5', { accountName: 'a', algorithm: 'MD5' }, 'algorithm', /algorithm: got "MD5"; expected SHA1, SHA256, SHA512/],
    ['algorithm SHA-1', { accountName: 'a', algorithm: 'SHA-1' }, 'algorithm', /got "SHA-1"; expected SHA1, SHA256, SHA512/],
    ['algorithm sha1 (lower case)', { accountName: 'a', algorithm: 'sha1' }, 'algorithm', /expected SHA1, SHA256, SHA512/],
    ['a colon in the issuer', { issuer: 'My:App', accountName: 'a' }, 'issuer', /issuer: "My:App" contains a colon; expected a string without a colon/],
    ['a colon in the account name', { accountName: 'user:1' }, 'accountName', /accountName: "user:1" contains a colon/],
    ['an empty account name', { accountName: '' }, 'accountName', /accountName: is required; expected a non-empty string/],
    ['a blank account name', { accountName: '   ' }, 'accountName', /is required/],
    ['no account name', {}, 'accountName', /is required/],
    ['an invalid secret', { accountName: 'a', secret: 'not base32!' }, 'secret', /secret: contains "!", which is not a Base32 character/],
    ['a secret of impossible length', { accountName: 'a', secret: 'ABC' }, 'secret', /secret: has 3 characters/],
    ['a secret over 64 bytes', { accountName: 'a', secret: 'A'.repeat(104) + 'AA' }, 'secret', /secret: is 66 bytes long/],
    ['secretBytes 15', { accountName: 'a', secretBytes: 15 }, 'secretBytes', /secretBytes: got 15; expected a whole number of bytes from 16 to 64/],
    ['secretBytes 65', { accountName: 'a', secretBytes: 65 }, 'secretBytes', /from 16 to 64/],
    ['an account name too long for any QR code', { issuer: 'X', accountName: 'a'.repeat(2300) }, 'accountName', /accountName: makes the URI 2\d{3} bytes long; .*at most 2331 bytes/],
    ['an issuer too long for any QR code', { issuer: 'é'.repeat(1200), accountName: 'a' }, 'issuer', /issuer: makes the URI \d+ bytes long/],
  ];
  for (const [name, options, field, message] of bad) {
    it(`refuses ${name}`, () => {
      const error = refusal(options);
      expect(error.field).to.equal(field);
      expect(error.message).to.match(message);
      expect(error.allowed).to.be.a('string').and.not.equal('');
    });
  }

  it('fits labels right up to the largest QR code, and no further', () => {
    // 2331 bytes is the byte-mode capacity of a version-40 symbol at level M.
    const probe = createEnrollment({ issuer: 'X', accountName: 'a', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const longest = 'a'.repeat(2331 - probe.uri.length + 1);
    const enrollment = createEnrollment({ issuer: 'X', accountName: longest, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(enrollment.uri.length).to.equal(2331);
    expect(enrollment.qr.size).to.equal(177); // version 40
    expect(refusal({ issuer: 'X', accountName: `${longest}a`, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }).field).to.equal('accountName');
  });
});
