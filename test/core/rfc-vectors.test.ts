// Published test vectors: RFC 4226 Appendix D (HOTP), RFC 6238 Appendix B (TOTP, erratum 2866 seeds),
// RFC 4648 §10 (Base32). Independent truth: these numbers come from the RFCs, not from our code.
import { expect } from 'chai';
import { encodeBase32, generateCode, parseSecret, type Algorithm } from '../../src/core/index.js';

const ascii = (text: string) => new TextEncoder().encode(text);
const seed = (length: number) => ascii('1234567890'.repeat(7).slice(0, length));

describe('RFC 4226 Appendix D: HOTP, SHA1, 6 digits', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => {
    it(`counter ${counter} → ${code}`, async () => {
      // With a 30 s period, counter c is the step that starts at c * 30 s.
      const options = { secret: ascii('12345678901234567890'), digits: 6, period: 30, algorithm: 'SHA1' } as const;
      expect(await generateCode(options, counter * 30_000)).to.equal(code);
      expect(await generateCode(options, counter * 30_000 + 29_999)).to.equal(code);
    });
  });
});

describe('RFC 6238 Appendix B: TOTP, 8 digits, 30 s', () => {
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  const algorithms: [Algorithm, number, number][] = [
    ['SHA1', 20, 1],
    ['SHA256', 32, 2],
    ['SHA512', 64, 3],
  ];
  for (const row of table) {
    for (const [algorithm, seedLength, column] of algorithms) {
      it(`${algorithm} at ${row[0]} s → ${row[column]}`, async () => {
        const options = { secret: seed(seedLength), digits: 8, period: 30, algorithm } as const;
        expect(await generateCode(options, row[0] * 1000)).to.equal(row[column]);
      });
    }
  }
});

describe('RFC 4648 §10: Base32', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  for (const [text, base32] of vectors) {
    it(`"${text}" ↔ "${base32}" (unpadded)`, () => {
      expect(encodeBase32(ascii(text))).to.equal(base32);
      if (text) expect(new TextDecoder().decode(parseSecret(base32).bytes)).to.equal(text);
    });
  }
  it('reads the padded RFC forms too ("MZXW6===", "MZXW6YTBOI======")', () => {
    expect(new TextDecoder().decode(parseSecret('MZXW6===').bytes)).to.equal('foo');
    expect(new TextDecoder().decode(parseSecret('MZXW6YTBOI======').bytes)).to.equal('foobar');
  });
});
