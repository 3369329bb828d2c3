// The time-window lab's core in both browsers: RFC 6238's vectors (two of them fall in adjacent steps), `otpauth` as
// an independent implementation, and every bad input refused by name.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { codesAround, createEnrollment, findStep, parseClockOffset, parseTypedCode, type CodeOptions } from '../../src/core/index.js';
import { expectParameterError } from '../support/parameter-error.js';

// RFC 6238 Appendix B: the ASCII seed "12345678901234567890", SHA1, 8 digits, 30 s.
const RFC: CodeOptions = { secret: new TextEncoder().encode('12345678901234567890'), digits: 8, period: 30, algorithm: 'SHA1' };

describe('codesAround', () => {
  it('puts RFC 6238\'s codes for 1111111109 and 1111111111 (adjacent steps) at offsets 0 and +1', async () => {
    const codes = await codesAround(RFC, 1111111109_000, { steps: 1 });
    expect(codes.map((each) => each.offset)).to.deep.equal([-1, 0, 1]);
    expect(codes[1]!.code).to.equal('07081804');
    expect(codes[2]!.code).to.equal('14050471');
    // 1111111111 s is in step 37037037, which begins at 1111111110 s.
    expect(codes[2]!.step).to.equal(37037037);
    expect(codes[2]!.start).to.equal(1111111110_000);
    expect(codes[2]!.end).to.equal(1111111140_000);
  });

  it('lists T−2 … T+2 by default, equal to otpauth\'s codes, and leaves out steps before 1970', async () => {
    const enrollment = createEnrollment({ accountName: 'lab', algorithm: 'SHA256', digits: 6, period: 45 });
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrollment.secret.base32), algorithm: 'SHA256', digits: 6, period: 45 });
    const timestamp = 1_767_225_600_123;
    const codes = await codesAround(enrollment.codeOptions, timestamp);
    expect(codes.map((each) => each.code)).to.deep.equal([-2, -1, 0, 1, 2].map((offset) => totp.generate({ timestamp: timestamp + offset * 45_000 })));
    const early = await codesAround(enrollment.codeOptions, 50_000);
    expect(early.map((each) => each.offset)).to.deep.equal([-1, 0, 1, 2]);
  });

  it('refuses steps outside 0 … 10 and a timestamp before 1970, by name', async () => {
    await expectParameterError(() => codesAround(RFC, 0, { steps: 11 }), 'steps');
    await expectParameterError(() => codesAround(RFC, 0, { steps: 1.5 }), 'steps');
    await expectParameterError(() => codesAround(RFC, -1), 'timestamp');
  });
});

describe('findStep', () => {
  it('finds RFC 6238\'s 1111111111 code one step ahead of 1111111109, starting in 1 s', async () => {
    const found = await findStep(RFC, '1405 0471', 1111111109_000);
    expect(found).to.include({ found: true, offset: 1, step: 37037037, startsInSeconds: 1, expiredSecondsAgo: undefined });
  });

  it('finds RFC 6238\'s 1111111109 code one step behind 1111111111, expired 1 s ago', async () => {
    const found = await findStep(RFC, '07081804', 1111111111_500);
    expect(found).to.include({ found: true, offset: -1, step: 37037036, expiredSecondsAgo: 1, startsInSeconds: undefined });
  });

  it('says the current step for the current code', async () => {
    expect(await findStep(RFC, '89005924', 1234567890_000)).to.include({ found: true, offset: 0, expiredSecondsAgo: undefined, startsInSeconds: undefined });
  });

  it('reports a code outside ±10 steps as not found, with the settings tried', async () => {
    // RFC 6238's code for 2000000000 s is years away from 1234567890 s.
    const found = await findStep(RFC, '69279037', 1234567890_000);
    expect(found).to.deep.equal({ found: false, searched: 10, settings: { digits: 8, period: 30, algorithm: 'SHA1' } });
  });

  it('refuses letters, another length and other scripts\' digits, naming the code and what is accepted', async () => {
    expect((await expectParameterError(() => findStep(RFC, '1234abcd', 0), 'code')).problem).to.equal('contains letters');
    expect((await expectParameterError(() => findStep(RFC, '123456', 0), 'code')).problem).to.equal('has 6 digits');
    // Arabic-Indic and full-width digits: a person's keyboard can produce them; no server reads them as a code.
    expect((await expectParameterError(() => findStep(RFC, '١٢٣٤٥٦٧٨', 0), 'code')).problem).to.match(/not one of 0–9/);
    expect((await expectParameterError(() => findStep(RFC, '１２３４５６７８', 0), 'code')).problem).to.match(/not one of 0–9/);
    expect((await expectParameterError(() => findStep(RFC, '1234-5678', 0), 'code')).problem).to.equal('contains "-"');
    expect((await expectParameterError(() => findStep(RFC, '  ', 0), 'code')).problem).to.equal('is empty');
    const error = await expectParameterError(() => findStep(RFC, '12', 0), 'code');
    expect(error.message).to.equal('code: has 2 digits; expected 8 digits 0–9 (spaces are ignored)');
    await expectParameterError(() => findStep(RFC, '12345678', 0, { range: 11 }), 'range');
  });

  it('parseTypedCode keeps a good code without its spaces', async () => {
    expect(parseTypedCode(' 123 456 ', 6)).to.equal('123456');
    await expectParameterError(() => parseTypedCode(123456, 6), 'code');
  });
});

describe('parseClockOffset', () => {
  it('takes whole seconds from −300 to +300, as numbers or signed strings', () => {
    expect([0, -300, 300, '+60', '-30', ' 45 ', '−120', '60.0', '-0'].map(parseClockOffset)).to.deep.equal([0, -300, 300, 60, -30, 45, -120, 60, 0]);
  });

  it('refuses an offset out of range or not whole, by name', async () => {
    expect((await expectParameterError(() => parseClockOffset(301), 'clockOffset')).message).to.equal('clockOffset: 301 is out of range; expected a whole number of seconds from -300 to +300');
    expect((await expectParameterError(() => parseClockOffset('-301'), 'clockOffset')).problem).to.equal('-301 is out of range');
    expect((await expectParameterError(() => parseClockOffset(1.5), 'clockOffset')).problem).to.equal('1.5 is not a whole number');
    for (const bad of ['', 'abc', '1e2', NaN, Infinity, '٣٠', null]) await expectParameterError(() => parseClockOffset(bad), 'clockOffset');
  });
});
