// A second, independent implementation as oracle: the `otpauth` package (its own Base32, its own HMAC via
// @noble/hashes) must agree with our codes for random secrets, times and parameter sets.
import { expect } from 'chai';
import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { ALGORITHMS, createEnrollment, generateCode, verifyCode, type Algorithm } from '../../src/core/index.js';

const CASES = 1000;

const caseArbitrary = fc.record({
  algorithm: fc.constantFrom(...ALGORITHMS),
  digits: fc.constantFrom(6 as const, 8 as const),
  period: fc.integer({ min: 10, max: 120 }),
  secretBytes: fc.integer({ min: 16, max: 64 }),
  // From 1970 to beyond 2106 (where 32-bit counters overflow), in milliseconds.
  timestamp: fc.integer({ min: 0, max: 5_000_000_000_000 }),
});

function oracle(secret: string, algorithm: Algorithm, digits: number, period: number) {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits, period });
}

describe(`oracle: otpauth agrees on ${CASES} random secrets × times × parameter sets`, () => {
  it('generates the same code, zero mismatches', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ algorithm, digits, period, secretBytes, timestamp }) => {
        const enrollment = createEnrollment({ accountName: 'oracle', algorithm, digits, period, secretBytes });
        const ours = await generateCode(enrollment.codeOptions, timestamp);
        const theirs = oracle(enrollment.secret.base32, algorithm, digits, period).generate({ timestamp });
        compared++;
        expect(ours, `${algorithm}/${digits}/${period}s at ${timestamp}`).to.equal(theirs);
      }),
      { numRuns: CASES },
    );
    expect(compared).to.equal(CASES);
  });

  it("accepts otpauth's codes one step either side and reports the offset; refuses two steps away", async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.integer({ min: -1, max: 1 }), async ({ algorithm, digits, period, timestamp }, offset) => {
        const enrollment = createEnrollment({ accountName: 'oracle', algorithm, digits, period });
        const totp = oracle(enrollment.secret.base32, algorithm, digits, period);
        const now = timestamp + 2 * period * 1000;
        const code = totp.generate({ timestamp: now + offset * period * 1000 });
        const result = await verifyCode(enrollment.codeOptions, code, { timestamp: now });
        expect(result.valid).to.equal(true);
        // Another step may produce the same code by chance (1 in 10^digits); then the earliest match is reported.
        if (result.valid && result.offset !== offset) {
          expect(totp.generate({ timestamp: now + result.offset * period * 1000 })).to.equal(code);
        }
        const far = totp.generate({ timestamp: now + 2 * (offset || 1) * period * 1000 });
        const nearCodes = [-1, 0, 1].map((step) => totp.generate({ timestamp: now + step * period * 1000 }));
        if (!nearCodes.includes(far)) expect((await verifyCode(enrollment.codeOptions, far, { timestamp: now })).valid).to.equal(false);
      }),
      { numRuns: 200 },
    );
  });
});
