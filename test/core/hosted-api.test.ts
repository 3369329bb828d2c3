// The hosted API's contract: same parameters, same limits, same JSON — now computed locally.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { generateHostedApiResult, TotpParameterError } from '../../src/core/index.js';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';

describe('hosted API result', () => {
  it('takes the documented query string and returns exactly { secret, uri, qr_code, current_code }', async () => {
    const timestamp = 1_800_000_000_000;
    const result = await generateHostedApiResult('issuer=MyApp&account_name=user@example.com&digits=6&period=30&algorithm=SHA1', { timestamp });
    expect(Object.keys(result)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
    expect(result.secret).to.match(/^[A-Z2-7]{32}$/);
    expect(result.uri).to.equal(`otpauth://totp/MyApp:user%40example.com?secret=${result.secret}&issuer=MyApp&digits=6&period=30&algorithm=SHA1`);
    expect(readQrFromPng(dataUriBytes(result.qr_code))).to.equal(result.uri);
    expect(result.current_code).to.equal(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(result.secret) }).generate({ timestamp }));
    expect(JSON.parse(JSON.stringify(result))).to.deep.equal(result);
  });

  it('takes URLSearchParams and plain objects alike', async () => {
    const timestamp = 1_800_000_000_000;
    const fromParams = await generateHostedApiResult(new URLSearchParams({ account_name: 'a', digits: '8', period: '60', algorithm: 'SHA512' }), { timestamp, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const fromObject = await generateHostedApiResult({ account_name: 'a', digits: '8', period: '60', algorithm: 'SHA512' }, { timestamp, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(fromParams).to.deep.equal(fromObject);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'), digits: 8, period: 60, algorithm: 'SHA512' });
    expect(fromParams.current_code).to.equal(totp.generate({ timestamp }));
  });

  it('adds recovery_codes when asked with recovery_codes=N (1–20), after the four fields; none when empty', async () => {
    for (const count of [1, 5, 20]) {
      const result = await generateHostedApiResult(`account_name=a&recovery_codes=${count}`);
      expect(Object.keys(result)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code', 'recovery_codes']);
      expect(result.recovery_codes).to.have.length(count);
      expect(new Set(result.recovery_codes).size).to.equal(count);
      for (const code of result.recovery_codes!) expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    expect(Object.keys(await generateHostedApiResult('account_name=a&recovery_codes='))).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
    expect(Object.keys(await generateHostedApiResult({ account_name: 'a', recovery_codes: '3' }))).to.include('recovery_codes');
  });

  const errors: [string, string, RegExp][] = [
    ['account_name=a&recovery_codes=0', 'recovery_codes', /^recovery_codes: got 0; expected a whole number from 1 to 20$/],
    ['account_name=a&recovery_codes=21', 'recovery_codes', /^recovery_codes: got 21; expected a whole number from 1 to 20$/],
    ['account_name=a&recovery_codes=ten', 'recovery_codes', /^recovery_codes: got "ten"; expected a whole number from 1 to 20$/],
    ['account_name=a&recovery_codes=2&recovery_codes=3', 'recovery_codes', /^recovery_codes: given more than once; expected one value$/],
    ['account_name=a&digits=6&digits=8', 'digits', /^digits: given more than once; expected one value$/],
    ['digits=7&account_name=a', 'digits', /^digits: got "7"; expected 6 or 8$/],
    ['period=5&account_name=a', 'period', /^period: got "5"; expected a whole number of seconds from 10 to 120$/],
    ['period=30s&account_name=a', 'period', /got "30s"/],
    ['algorithm=SHA-1&account_name=a', 'algorithm', /^algorithm: got "SHA-1"; expected SHA1, SHA256, SHA512$/],
    ['issuer=My:App&account_name=a', 'issuer', /contains a colon/],
    ['issuer=MyApp', 'account_name', /^account_name: is required; expected a non-empty string without a colon/],
    ['account_name=a:b', 'account_name', /^account_name: "a:b" contains a colon/],
  ];
  for (const [query, field, message] of errors) {
    it(`names the query parameter in errors: ${query}`, async () => {
      try {
        await generateHostedApiResult(query);
        expect.fail('accepted');
      } catch (error) {
        expect(error).to.be.instanceOf(TotpParameterError);
        expect((error as TotpParameterError).field).to.equal(field);
        expect((error as TotpParameterError).message).to.match(message);
      }
    });
  }
});
