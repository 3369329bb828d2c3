// Recovery codes: the format people read and type, the alphabet without look-alikes, the entropy, and the uniform
// sampler behind them (fed every byte value, so that "no modulo bias" is checked exactly, not statistically).
import { expect } from 'chai';
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS_PER_CHARACTER,
  formatRecoveryCode,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  recoveryCodesText,
  TotpParameterError,
} from '../../src/core/index.js';
import { uniformIndexes } from '../../src/core/uniform-random.js';

function expectParameterError(run: () => unknown, field: string, allowed: RegExp): void {
  try {
    run();
    expect.fail(`no error for ${field}`);
  } catch (error) {
    expect(error).to.be.instanceOf(TotpParameterError);
    expect((error as TotpParameterError).field).to.equal(field);
    expect((error as TotpParameterError).message).to.match(allowed);
  }
}

describe('recovery codes', () => {
  it('by default: 10 distinct codes of 12 characters, grouped XXXX-XXXX-XXXX, 60 bits each', () => {
    const codes = generateRecoveryCodes();
    expect(codes).to.have.length(10);
    expect(new Set(codes).size).to.equal(10);
    for (const code of codes) expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(RECOVERY_CODE_ALPHABET).to.have.length(32);
    expect(12 * RECOVERY_CODE_BITS_PER_CHARACTER).to.equal(60);
  });

  it('uses no look-alikes: no 0, O, 1, I or lower-case l (nor any lower case)', () => {
    for (const character of '0O1Il') expect(RECOVERY_CODE_ALPHABET).not.to.include(character);
    expect(RECOVERY_CODE_ALPHABET).to.equal(RECOVERY_CODE_ALPHABET.toUpperCase());
    expect(new Set(RECOVERY_CODE_ALPHABET).size).to.equal(RECOVERY_CODE_ALPHABET.length);
    const all = generateRecoveryCodes({ count: 20, length: 16 }).join('').replace(/-/g, '');
    expect(all).to.match(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]+$/);
  });

  it('honours count 1–20 and length 8–16, grouping in fours and fives', () => {
    expect(generateRecoveryCodes({ count: 1 })).to.have.length(1);
    expect(generateRecoveryCodes({ count: 20, length: 8 })).to.have.length(20);
    const shapes: [number, RegExp][] = [
      [8, /^\w{4}-\w{4}$/],
      [10, /^\w{5}-\w{5}$/],
      [11, /^\w{4}-\w{4}-\w{3}$/],
      [13, /^\w{5}-\w{4}-\w{4}$/],
      [15, /^\w{5}-\w{5}-\w{5}$/],
      [16, /^\w{4}-\w{4}-\w{4}-\w{4}$/],
    ];
    for (const [length, shape] of shapes) {
      const [code] = generateRecoveryCodes({ count: 1, length });
      expect(code, `length ${length}`).to.match(shape);
    }
    expect(formatRecoveryCode('ABCDEFGHJKLMN')).to.equal('ABCDE-FGHJ-KLMN');
  });

  it('refuses a count outside 1–20 and a length outside 8–16, naming the field and the range', () => {
    for (const count of [0, 21, 1.5, Number.NaN]) expectParameterError(() => generateRecoveryCodes({ count }), 'count', /expected a whole number from 1 to 20$/);
    for (const length of [7, 17, 10.5]) expectParameterError(() => generateRecoveryCodes({ length }), 'length', /expected a whole number of characters from 8 to 16$/);
  });

  it('a thousand codes are all distinct and use every symbol', () => {
    const codes = Array.from({ length: 50 }, () => generateRecoveryCodes({ count: 20 })).flat();
    expect(new Set(codes).size).to.equal(1000);
    expect(new Set(codes.join('').replace(/-/g, '')).size).to.equal(32);
  });

  it('normalises what people type: case, spaces, any dash, full-width characters', () => {
    expect(normalizeRecoveryCode('7kqm-d2xh-9pwb')).to.equal('7KQMD2XH9PWB');
    expect(normalizeRecoveryCode(' 7KQM d2xh\t9PWB ')).to.equal('7KQMD2XH9PWB');
    expect(normalizeRecoveryCode('7KQM–D2XH—9PWB')).to.equal('7KQMD2XH9PWB');
    expect(normalizeRecoveryCode('７ＫＱＭ－Ｄ２ＸＨ')).to.equal('7KQMD2XH');
  });

  it('renders a plain-text file: title, note, one code a line', () => {
    const text = recoveryCodesText(['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF'], { title: 'Recovery codes for MyApp (ann)', note: 'Keep them safe.' });
    expect(text).to.equal('Recovery codes for MyApp (ann)\n\nKeep them safe.\n\nAAAA-BBBB-CCCC\nDDDD-EEEE-FFFF\n');
    const [title, blank, note] = recoveryCodesText(['AAAA-BBBB']).split('\n');
    expect([title, blank]).to.deep.equal(['Recovery codes', '']);
    expect(note).to.match(/once/);
  });
});

describe('uniform sampler (rejection sampling)', () => {
  /** Hands out the byte values 0, 1, …, 255, 0, 1, … in order: every value equally often, as a fair source would. */
  function everyByte(): (bytes: Uint8Array) => Uint8Array {
    let next = 0;
    return (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = next++ % 256;
      return bytes;
    };
  }

  for (const size of [3, 10, 31, 32, 200, 256]) {
    it(`maps the 256 byte values evenly onto ${size} symbols, rejecting the ${256 % size} that would bias them`, () => {
      const accepted = 256 - (256 % size);
      // Two rounds of all 256 values: with rejection, exactly the accepted ones twice. Plain `byte % size` would
      // instead take the first 2 × accepted bytes, wrapping unevenly around 256, and fail this.
      const indexes = uniformIndexes(2 * accepted, size, everyByte());
      const counts = new Array<number>(size).fill(0);
      for (const index of indexes) counts[index]!++;
      // Exactly equal counts: each symbol is hit by the same number of byte values.
      expect(new Set(counts)).to.deep.equal(new Set([(2 * accepted) / size]));
    });
  }

  it('draws again after rejected bytes instead of folding them onto low symbols', () => {
    let calls = 0;
    const highThenLow = (bytes: Uint8Array) => {
      // First call: only bytes that 31 symbols must reject (248–255); then byte 5.
      bytes.fill(calls++ === 0 ? 250 : 5);
      return bytes;
    };
    expect(uniformIndexes(3, 31, highThenLow)).to.deep.equal([5, 5, 5]);
    expect(calls).to.equal(2);
  });
});
