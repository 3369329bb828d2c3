// parseKeyUri reads back what we build, and what two other libraries build means to it what they meant; everything
// apps write that we do not accept is refused with an error naming the field, what was found and what is accepted.
import { expect } from 'chai';
import fc from 'fast-check';
import { generateTOTP } from '@otplib/uri';
import * as OTPAuth from 'otpauth';
import { createEnrollment, parseKeyUri, TotpParameterError, type TotpParameters } from '../../src/core/index.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function refusal(text: string): TotpParameterError {
  try {
    parseKeyUri(text);
  } catch (error) {
    expect(error, text).to.be.instanceOf(TotpParameterError);
    return error as TotpParameterError;
  }
  throw new Error(`accepted ${text}`);
}

/** Label text as people type it: any characters but the colon, which separates issuer and account. */
const labelText = fc.string({ unit: 'binary', minLength: 0, maxLength: 30 }).map((text) => text.replace(/[:\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ''));
const accountText = labelText.filter((text) => text.trim() !== '');
const algorithm = fc.constantFrom('SHA1', 'SHA256', 'SHA512' as const);
const digits = fc.constantFrom(6, 8 as const);
const period = fc.integer({ min: 10, max: 120 });
const secretBytes = fc.uint8Array({ minLength: 16, maxLength: 64 });

describe('parseKeyUri', () => {
  it('reads the hosted API form back into parameters and secret', () => {
    const parsed = parseKeyUri('otpauth://totp/MyApp:user%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MyApp&digits=8&period=60&algorithm=SHA256');
    expect(parsed.parameters).to.deep.equal({ issuer: 'MyApp', accountName: 'user@example.com', digits: 8, period: 60, algorithm: 'SHA256' });
    expect(parsed.secret.base32).to.equal(SECRET);
    // JBSWY3DPEHPK3PXP is "Hello!" followed by DE AD BE EF (RFC 4648 Base32, worked out by hand).
    const hello = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef];
    expect([...parsed.secret.bytes]).to.deep.equal([...hello, ...hello]);
  });

  it('gives absent digits, period and algorithm the Key URI Format defaults (6, 30, SHA1)', () => {
    expect(parseKeyUri(`otpauth://totp/alice?secret=${SECRET}`).parameters).to.deep.equal({ issuer: '', accountName: 'alice', digits: 6, period: 30, algorithm: 'SHA1' });
  });

  it('lets the issuer parameter win over the label prefix, and takes the prefix when there is no parameter', () => {
    expect(parseKeyUri(`otpauth://totp/Old%20Name:bob?secret=${SECRET}&issuer=New%20Name`).parameters).to.include({ issuer: 'New Name', accountName: 'bob' });
    expect(parseKeyUri(`otpauth://totp/Prefix:bob?secret=${SECRET}`).parameters).to.include({ issuer: 'Prefix', accountName: 'bob' });
    expect(parseKeyUri(`otpauth://totp/bob?secret=${SECRET}&issuer=Param`).parameters).to.include({ issuer: 'Param', accountName: 'bob' });
  });

  it('takes the label colon literal or as %3A, with the optional space after it; %20 is a space, + a plus', () => {
    expect(parseKeyUri(`otpauth://totp/ACME%3A%20jane+doe@x.org?secret=${SECRET}`).parameters).to.include({ issuer: 'ACME', accountName: 'jane+doe@x.org' });
    expect(parseKeyUri(`otpauth://totp/ACME:%20jane?secret=${SECRET}&issuer=A+B`).parameters).to.include({ issuer: 'A+B', accountName: 'jane' });
  });

  it('tolerates lower case, spaces and "=" padding in the secret, and case in scheme and type', () => {
    const parsed = parseKeyUri(`  OTPAUTH://TOTP/a?secret=${SECRET.toLowerCase()}%3D%3D%3D%3D&period=30\n`);
    expect(parsed.secret.base32).to.equal(SECRET);
    expect(parseKeyUri(`otpauth://totp/a?secret=JBSW%20Y3DP%20EHPK%203PXP`).secret.base32).to.equal('JBSWY3DPEHPK3PXP');
    expect(parseKeyUri(`otpauth://totp/a?secret=JBSWY3DPEHPK3PXP======`).secret.base32).to.equal('JBSWY3DPEHPK3PXP');
  });

  it('ignores parameters it does not use (image, a fragment)', () => {
    expect(parseKeyUri(`otpauth://totp/a?secret=${SECRET}&image=https%3A%2F%2Fexample.com%2Flogo.png#x`).parameters.accountName).to.equal('a');
  });

  const refused: [string, string, string, RegExp][] = [
    ['an hotp URI', `otpauth://hotp/ACME:bob?secret=${SECRET}&counter=3`, 'type', /"hotp": counter-based codes are not supported; expected totp/],
    ['a migration export', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGUlM0FhbGljZUBnb29nbGUuY29tGgdFeGFtcGxlMAI%3D', 'uri', /otpauth-migration:\/\/ export, which packs several accounts.*expected an otpauth:\/\/totp\/ Key URI for one account/],
    ['"SHA-1"', `otpauth://totp/a?secret=${SECRET}&algorithm=SHA-1`, 'algorithm', /is "SHA-1", which means SHA1 but is not how the Key URI Format spells it.*expected SHA1, SHA256, SHA512, spelled exactly so/],
    ['lower-case "sha256"', `otpauth://totp/a?secret=${SECRET}&algorithm=sha256`, 'algorithm', /is "sha256", which means SHA256.*silently use SHA1/],
    ['"MD5"', `otpauth://totp/a?secret=${SECRET}&algorithm=MD5`, 'algorithm', /got "MD5"; expected SHA1, SHA256, SHA512/],
    ['an empty algorithm', `otpauth://totp/a?secret=${SECRET}&algorithm=`, 'algorithm', /is empty/],
    ['7 digits', `otpauth://totp/a?secret=${SECRET}&digits=7`, 'digits', /digits: got "7"; expected 6 or 8/],
    ['an empty digits', `otpauth://totp/a?secret=${SECRET}&digits=`, 'digits', /digits: is empty/],
    ['period 5', `otpauth://totp/a?secret=${SECRET}&period=5`, 'period', /got "5"; expected a whole number of seconds from 10 to 120/],
    ['period "30s"', `otpauth://totp/a?secret=${SECRET}&period=30s`, 'period', /got "30s"/],
    ['no secret', 'otpauth://totp/ACME:bob?issuer=ACME', 'secret', /secret: is missing: the URI has no secret parameter; expected Base32/],
    ['an empty secret', 'otpauth://totp/ACME:bob?secret=', 'secret', /secret: is empty/],
    ['a secret with "1" and "8"', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PX1', 'secret', /contains "1", which is not a Base32 character/],
    ['two secrets', `otpauth://totp/a?secret=${SECRET}&secret=JBSWY3DPEHPK3PXP`, 'secret', /appears more than once/],
    ['a web link', 'https://example.com/setup?secret=JBSW', 'uri', /uri: is a https: link; expected an otpauth:\/\/totp\/ Key URI/],
    ['plain text', 'hello world', 'uri', /uri: got "hello world"; expected an otpauth/],
    ['otpauth without a label', 'otpauth://totp?secret=JBSW', 'uri', /is not of the form otpauth:\/\/TYPE\/LABEL\?secret=…/],
    ['an unknown type', `otpauth://yotp/a?secret=${SECRET}`, 'type', /type: got "yotp"; expected totp/],
    ['no account name', `otpauth://totp/ACME:?secret=${SECRET}`, 'accountName', /accountName: is required/],
    ['an account name with a colon', `otpauth://totp/ACME:bob:smith?secret=${SECRET}`, 'accountName', /contains a colon/],
    ['broken percent-encoding in the label', `otpauth://totp/a%E0%A4?secret=${SECRET}`, 'label', /not valid percent-encoding/],
    ['an issuer with a colon', `otpauth://totp/bob?secret=${SECRET}&issuer=A%3AB`, 'issuer', /contains a colon/],
  ];
  for (const [name, uri, field, message] of refused) {
    it(`refuses ${name}, naming the field "${field}"`, () => {
      const error = refusal(uri);
      expect(error.field).to.equal(field);
      expect(error.message).to.match(message);
    });
  }

  it('refuses what is not text at all', () => {
    expect(refusal(42 as unknown as string).field).to.equal('uri');
  });

  it('reads back every URI createEnrollment builds, to the same parameters and secret (property-based)', () => {
    fc.assert(
      fc.property(labelText, accountText, digits, period, algorithm, secretBytes, (issuer, accountName, digitsValue, periodValue, algorithmValue, bytes) => {
        const secret = new OTPAuth.Secret({ buffer: bytes.slice().buffer }).base32;
        let enrollment;
        try {
          enrollment = createEnrollment({ issuer, accountName, digits: digitsValue, period: periodValue, algorithm: algorithmValue, secret });
        } catch {
          // Labels too long for a QR code are refused by createEnrollment; there is nothing to read back.
          return;
        }
        const parsed = parseKeyUri(enrollment.uri);
        expect(parsed.parameters).to.deep.equal(enrollment.parameters);
        expect(parsed.secret.base32).to.equal(enrollment.secret.base32);
        expect([...parsed.secret.bytes]).to.deep.equal([...bytes]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads URIs the otpauth package builds (issuer in the label or not) as what they meant (property-based)', () => {
    fc.assert(
      fc.property(labelText, accountText, digits, period, algorithm, secretBytes, fc.boolean(), (issuer, label, digitsValue, periodValue, algorithmValue, bytes, issuerInLabel) => {
        const totp = new OTPAuth.TOTP({ issuer, label, issuerInLabel, digits: digitsValue, period: periodValue, algorithm: algorithmValue, secret: new OTPAuth.Secret({ buffer: bytes.slice().buffer }) });
        const parsed = parseKeyUri(totp.toString());
        expect(parsed.parameters).to.deep.equal(expected(issuer, label, digitsValue, periodValue, algorithmValue));
        expect(parsed.secret.base32).to.equal(totp.secret.base32.replace(/=+$/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('reads URIs @otplib/uri builds (defaults left out) as what they meant (property-based)', () => {
    const otplibAlgorithm = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;
    fc.assert(
      fc.property(labelText, accountText, digits, period, algorithm, secretBytes, (issuer, label, digitsValue, periodValue, algorithmValue, bytes) => {
        const secret = new OTPAuth.Secret({ buffer: bytes.slice().buffer }).base32;
        const uri = generateTOTP({ issuer, label, secret, digits: digitsValue, period: periodValue, algorithm: otplibAlgorithm[algorithmValue] });
        const parsed = parseKeyUri(uri);
        expect(parsed.parameters).to.deep.equal(expected(issuer, label, digitsValue, periodValue, algorithmValue));
        expect(parsed.secret.base32).to.equal(secret.replace(/=+$/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the hotp URIs the otpauth package builds, whatever their settings', () => {
    fc.assert(
      fc.property(accountText, fc.nat(), (label, counter) => {
        const uri = new OTPAuth.HOTP({ label, counter }).toString();
        expect(refusal(uri).field).to.equal('type');
      }),
      { numRuns: 50 },
    );
  });
});

/** What a URI built from these inputs means in our terms: labels trimmed, as the core trims what it is given. */
function expected(issuer: string, accountName: string, digitsValue: 6 | 8, periodValue: number, algorithmValue: TotpParameters['algorithm']): TotpParameters {
  return { issuer: issuer.trim(), accountName: accountName.trim(), digits: digitsValue, period: periodValue, algorithm: algorithmValue };
}
