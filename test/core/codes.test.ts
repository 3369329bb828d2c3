import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { createEnrollment, generateCode, millisecondsUntilNextStep, secondsRemaining, timeStep, verifyCode, TotpParameterError } from '../../src/core/index.js';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // ASCII "12345678901234567890", the RFC seed
const rfc = createEnrollment({ accountName: 'rfc', secret: SECRET, digits: 8 }).codeOptions;

describe('codes', () => {
  it('keeps leading zeros: 07081804 at 1111111109 s (RFC 6238)', async () => {
    expect(await generateCode(rfc, 1111111109_000)).to.equal('07081804');
  });

  it('counts steps with floor, not round: the code at 59.999 s is the one of step 1', async () => {
    expect(timeStep(30, 59_999)).to.equal(1);
    expect(timeStep(30, 60_000)).to.equal(2);
    expect(await generateCode(rfc, 59_999)).to.equal('94287082');
  });

  it('tells the time to the next step and the seconds left as apps count them (30 … 1)', () => {
    expect(millisecondsUntilNextStep(30, 60_000)).to.equal(30_000);
    expect(millisecondsUntilNextStep(30, 60_001)).to.equal(29_999);
    expect(millisecondsUntilNextStep(30, 89_999)).to.equal(1);
    expect(secondsRemaining(30, 60_000)).to.equal(30);
    expect(secondsRemaining(30, 60_001)).to.equal(30);
    expect(secondsRemaining(30, 61_000)).to.equal(29);
    expect(secondsRemaining(30, 89_999)).to.equal(1);
    expect(secondsRemaining(45, 1_000)).to.equal(44);
  });

  it('verifies the RFC vector at its own time and reports offset 0', async () => {
    // 1234567890 s / 30 = step 41152263 (floor), which the result names for replay checks.
    expect(await verifyCode(rfc, '89005924', { timestamp: 1234567890_000 })).to.deep.equal({ valid: true, offset: 0, step: 41152263 });
  });

  it('accepts the previous and next codes within ±1 step, with their offsets; refuses ±2', async () => {
    const six = createEnrollment({ accountName: 'w', secret: SECRET }).codeOptions;
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET) });
    const now = 1_700_000_015_000; // step 56666667
    const at = (steps: number) => totp.generate({ timestamp: now + steps * 30_000 });
    expect(await verifyCode(six, at(-1), { timestamp: now })).to.deep.equal({ valid: true, offset: -1, step: 56666666 });
    expect(await verifyCode(six, at(1), { timestamp: now })).to.deep.equal({ valid: true, offset: 1, step: 56666668 });
    expect(await verifyCode(six, at(-2), { timestamp: now })).to.deep.equal({ valid: false, reason: 'mismatch' });
    expect(await verifyCode(six, at(2), { timestamp: now })).to.deep.equal({ valid: false, reason: 'mismatch' });
    expect(await verifyCode(six, at(2), { timestamp: now, window: 2 })).to.deep.equal({ valid: true, offset: 2, step: 56666669 });
    expect(await verifyCode(six, at(0), { timestamp: now, window: 0 })).to.deep.equal({ valid: true, offset: 0, step: 56666667 });
    expect(await verifyCode(six, at(1), { timestamp: now, window: 0 })).to.deep.equal({ valid: false, reason: 'mismatch' });
  });

  it('ignores spaces in a typed code ("123 456") and says when the input is not a code at all', async () => {
    const code = await generateCode(rfc, 1234567890_000);
    expect(await verifyCode(rfc, `${code.slice(0, 4)} ${code.slice(4)}`, { timestamp: 1234567890_000 })).to.deep.equal({ valid: true, offset: 0, step: 41152263 });
    for (const input of ['', '1234567', '123456789', '8900592a', '89 00 59']) {
      expect(await verifyCode(rfc, input, { timestamp: 1234567890_000 })).to.deep.equal({ valid: false, reason: 'format' });
    }
  });

  it('refuses a window outside 0-10 steps with an error naming it', async () => {
    for (const window of [-1, 11, 1.5]) {
      try {
        await verifyCode(rfc, '00000000', { window });
        expect.fail(`window ${window} accepted`);
      } catch (error) {
        expect(error).to.be.instanceOf(TotpParameterError);
        expect((error as TotpParameterError).field).to.equal('window');
        expect((error as TotpParameterError).message).to.match(/from 0 to 10/);
      }
    }
  });

  it('carries a step count past 32 bits into the counter\'s high word (agrees with otpauth)', async () => {
    const options = createEnrollment({ accountName: 'far', secret: SECRET, period: 10 }).codeOptions;
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(SECRET), period: 10 });
    for (const timestamp of [2 ** 32 * 10_000, 2 ** 32 * 10_000 + 123_456_789_000, 2 ** 40 * 10_000]) {
      expect(await generateCode(options, timestamp)).to.equal(totp.generate({ timestamp }));
    }
  });

  it('refuses a time before 1970 (or not a number) with an error naming the timestamp', async () => {
    for (const timestamp of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      try {
        await generateCode(rfc, timestamp);
        expect.fail(`timestamp ${timestamp} accepted`);
      } catch (error) {
        expect(error).to.be.instanceOf(TotpParameterError);
        expect((error as TotpParameterError).field).to.equal('timestamp');
        expect((error as TotpParameterError).message).to.match(/from 1970-01-01T00:00:00Z on/);
      }
    }
  });

  it('works with a weak 80-bit secret brought by the caller', async () => {
    const weak = createEnrollment({ accountName: 'w', secret: 'JBSWY3DPEHPK3PXP' });
    const theirs = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32('JBSWY3DPEHPK3PXP') }).generate({ timestamp: 1_700_000_000_000 });
    expect(await generateCode(weak.codeOptions, 1_700_000_000_000)).to.equal(theirs);
  });
});
