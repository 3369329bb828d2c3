// The CLI computes codes with node:crypto's HMAC instead of WebCrypto's: the RFC 6238 vectors (all three algorithms)
// and otpauth's codes must come out the same through it.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { hmac } from '../../src/cli/enroll.js';
import { generateCode, verifyCode, type Algorithm } from '../../src/core/index.js';

const seed = (length: number) => new TextEncoder().encode('1234567890'.repeat(7).slice(0, length));

describe('CLI: codes with node:crypto HMAC', () => {
  const vectors: [Algorithm, number, number, string][] = [
    ['SHA1', 20, 59, '94287082'],
    ['SHA256', 32, 1111111109, '68084774'],
    ['SHA512', 64, 20000000000, '47863826'],
  ];
  for (const [algorithm, seedLength, seconds, code] of vectors) {
    it(`RFC 6238: ${algorithm} at ${seconds} s → ${code}`, async () => {
      const options = { secret: seed(seedLength), digits: 8, period: 30, algorithm } as const;
      expect(await generateCode(options, seconds * 1000, { hmac })).to.equal(code);
      expect(await verifyCode(options, code, { timestamp: seconds * 1000, hmac })).to.deep.include({ valid: true, offset: 0 });
    });
  }

  it('agrees with otpauth on 200 random secrets and times', async () => {
    for (let index = 0; index < 200; index++) {
      const algorithm = (['SHA1', 'SHA256', 'SHA512'] as const)[index % 3]!;
      const secret = new OTPAuth.Secret({ size: 16 + (index % 49) });
      const timestamp = Math.floor((crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32) * 4e12);
      const totp = new OTPAuth.TOTP({ secret, algorithm, digits: 6 + (index % 2) * 2, period: 10 + (index % 111) });
      const options = { secret: new Uint8Array(secret.buffer), digits: totp.digits as 6 | 8, period: totp.period, algorithm };
      expect(await generateCode(options, timestamp, { hmac }), `case ${index}`).to.equal(totp.generate({ timestamp }));
    }
  });
});
