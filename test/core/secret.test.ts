import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { TotpParameterError, createEnrollment, encodeBase32, defaultSecretBytes, generateSecret, parseSecret } from '../../src/core/index.js';

describe('secrets', () => {
  it('defaults to the HMAC output size: 20 / 32 / 64 bytes (RFC 6238 §5.1)', () => {
    expect(generateSecret('SHA1').bytes.length).to.equal(20);
    expect(generateSecret('SHA256').bytes.length).to.equal(32);
    expect(generateSecret('SHA512').bytes.length).to.equal(64);
    expect(createEnrollment({ accountName: 'a', algorithm: 'SHA256' }).secret.base32).to.have.length(52);
    expect(defaultSecretBytes('SHA1')).to.equal(20);
  });

  it('takes any length from 16 to 64 bytes, Base32 without padding', () => {
    for (const length of [16, 17, 33, 64]) {
      const secret = generateSecret('SHA1', length);
      expect(secret.bytes.length).to.equal(length);
      expect(secret.base32).to.match(/^[A-Z2-7]+$/);
      expect(secret.base32).to.have.length(Math.ceil((length * 8) / 5));
      expect(secret.weak).to.equal(false);
    }
  });

  it('draws the bytes from crypto.getRandomValues', () => {
    const original = globalThis.crypto.getRandomValues;
    const calls: number[] = [];
    // Replace the source with a known pattern: the secret must be exactly those bytes.
    Object.defineProperty(globalThis.crypto, 'getRandomValues', {
      configurable: true,
      value: <T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        calls.push(bytes.length);
        bytes.fill(0xff);
        return array;
      },
    });
    try {
      expect(generateSecret('SHA1').base32).to.equal('7'.repeat(32));
    } finally {
      Object.defineProperty(globalThis.crypto, 'getRandomValues', { configurable: true, writable: true, value: original });
    }
    expect(calls).to.deep.equal([20]);
  });

  it('never repeats itself (1,000 secrets, all distinct)', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateSecret('SHA1').base32));
    expect(seen.size).to.equal(1000);
  });

  it("reads a caller's secret case-insensitively, with spaces, hyphens and padding", () => {
    const canonical = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    for (const text of ['jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp', 'JBSW-Y3DP-EHPK-3PXP-JBSW-Y3DP-EHPK-3PXP', `${canonical.toLowerCase()}`, ` ${canonical} `]) {
      expect(parseSecret(text).base32).to.equal(canonical);
    }
    expect(parseSecret('MZXW6YTBOI======').base32).to.equal('MZXW6YTBOI');
  });

  it('refuses a secret text over 256 characters at once, naming the secret and the limit (no quadratic padding trim)', () => {
    for (const text of ['='.repeat(100_000) + 'A', 'A'.repeat(257), ' '.repeat(300)]) {
      expect(() => parseSecret(text)).to.throw(TotpParameterError, /^secret: is \d+ characters long, over the limit of 256; expected .*at most 256 characters/).with.property('field', 'secret');
    }
    // The longest real secret, grouped and padded, still fits.
    const longest = generateSecret('SHA512').base32;
    const grouped = `${longest.match(/.{1,4}/g)!.join(' ')}=`;
    expect(grouped.length).to.be.below(256);
    expect(parseSecret(grouped).base32).to.equal(longest);
    expect(parseSecret('JBSWY3DPEHPK3PXP====').base32).to.equal('JBSWY3DPEHPK3PXP');
  });

  it('flags a secret under 128 bits as weak (RFC 4226 R6), and accepts it', () => {
    expect(parseSecret('JBSWY3DPEHPK3PXP').weak).to.equal(true); // 80 bits, a common legacy length
    expect(parseSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').weak).to.equal(false); // 160 bits
    expect(parseSecret('AAAAAAAAAAAAAAAAAAAAAAAAAA').weak).to.equal(false); // exactly 16 bytes = 128 bits
    expect(createEnrollment({ accountName: 'a', secret: 'JBSWY3DPEHPK3PXP' }).secret.weak).to.equal(true);
  });

  it('keeps a supplied secret as it is: the enrollment uses exactly those bytes', () => {
    const enrollment = createEnrollment({ accountName: 'a', secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' });
    expect(new TextDecoder().decode(enrollment.secret.bytes)).to.equal('12345678901234567890');
    expect(enrollment.uri).to.contain('secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&');
  });

  it('Base32 agrees with otpauth\'s codec both ways, for random secrets of every length from 1 to 64 bytes', () => {
    for (let length = 1; length <= 64; length++) {
      for (let round = 0; round < 5; round++) {
        const theirs = new OTPAuth.Secret({ size: length });
        const bytes = new Uint8Array(theirs.buffer);
        expect(encodeBase32(bytes), `${length} bytes`).to.equal(theirs.base32.replace(/=+$/, ''));
        expect([...parseSecret(theirs.base32).bytes], `${length} bytes`).to.deep.equal([...bytes]);
      }
    }
  });

  it('refuses Base32 whose last character has bits set past the last byte, naming the secret', () => {
    // "MY" is "f"; "MZ" sets a bit that no byte holds.
    expect(parseSecret('MY').bytes).to.deep.equal(new TextEncoder().encode('f'));
    for (const text of ['MZ', 'MZXR', 'MZXW7', 'MZXW6YR']) {
      expect(() => parseSecret(text), text).to.throw(/^secret: is not valid Base32 \(its last character has bits set past the end\)/);
    }
  });
});
