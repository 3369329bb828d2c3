// Verification that refuses replays (RFC 6238 §5.2): with `afterStep`, a code is accepted once and then refused as
// `replayed`, wherever in the window it sits. Codes and steps come from `otpauth`, an independent implementation.
import { expect } from 'chai';
import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { ALGORITHMS, createEnrollment, verifyCode, TotpParameterError, type Algorithm } from '../../src/core/index.js';

const RUNS = 60;

const caseArbitrary = fc.record({
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.constantFrom(6 as const, 8 as const),
    period: fc.integer({ min: 10, max: 120 }),
    timestamp: fc.integer({ min: 1_000_000_000_000, max: 5_000_000_000_000 }),
    window: fc.integer({ min: 0, max: 3 }),
    // How far before the code's step this account's last sign-in was (undefined: never signed in).
    lastStepsBefore: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
});

function oracle(secret: string, algorithm: Algorithm, digits: number, period: number) {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits, period });
}

describe('verifyCode with afterStep: replays refused', () => {
  it(`accepts a code once, then refuses it as replayed, in every window position (${RUNS} random cases, each position of each)`, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ algorithm, digits, period, timestamp, window, lastStepsBefore }) => {
        const enrollment = createEnrollment({ accountName: 'replay', algorithm, digits, period });
        const totp = oracle(enrollment.secret.base32, algorithm, digits, period);
        const at = (offset: number) => timestamp + offset * period * 1000;
        const windowCodes = Array.from({ length: 2 * window + 1 }, (_, i) => totp.generate({ timestamp: at(i - window) }));
        // Two steps of one window with the same code (1 in 10^digits): which step "the" code is would be ambiguous.
        fc.pre(new Set(windowCodes).size === windowCodes.length);
        // 0 - window, not -window: for window 0 that is +0, and -0 would not deep-equal the offset 0.
        for (let position = 0 - window; position <= window; position++) {
          const code = totp.generate({ timestamp: at(position) });
          const step = totp.counter({ timestamp: at(position) });
          const afterStep = lastStepsBefore === undefined ? undefined : step - lastStepsBefore;

          const first = await verifyCode(enrollment.codeOptions, code, { window, timestamp, afterStep });
          expect(first).to.deep.equal({ valid: true, offset: position, step });
          const again = await verifyCode(enrollment.codeOptions, code, { window, timestamp, afterStep: step });
          expect(again).to.deep.equal({ valid: false, reason: 'replayed' });
          // Still refused one step later, as long as the window still reaches back to the code's step.
          if (position > -window) {
            expect(await verifyCode(enrollment.codeOptions, code, { window, timestamp: at(1), afterStep: step })).to.deep.equal({ valid: false, reason: 'replayed' });
          }
          // The next code is new, and accepted.
          if (position < window) {
            const next = totp.generate({ timestamp: at(position + 1) });
            expect(await verifyCode(enrollment.codeOptions, next, { window, timestamp, afterStep: step })).to.deep.equal({ valid: true, offset: position + 1, step: step + 1 });
          }
          checked++;
        }
      }),
      { numRuns: RUNS },
    );
    expect(checked).to.be.greaterThan(RUNS);
  });

  it('refuses every code of the window as replayed when the last step is at or past its end (a clock that went back)', async () => {
    const enrollment = createEnrollment({ accountName: 'replay', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    const totp = oracle(enrollment.secret.base32, 'SHA1', 6, 30);
    const now = 1_800_000_000_000;
    const current = totp.counter({ timestamp: now });
    for (const afterStep of [current + 1, current + 2, current + 500]) {
      for (const offset of [-1, 0, 1]) {
        const code = totp.generate({ timestamp: now + offset * 30_000 });
        expect(await verifyCode(enrollment.codeOptions, code, { timestamp: now, afterStep }), `afterStep +${afterStep - current}, offset ${offset}`).to.deep.equal({ valid: false, reason: 'replayed' });
      }
    }
  });

  it('says mismatch, not replayed, for a wrong code, and format for no code, whatever afterStep is', async () => {
    const enrollment = createEnrollment({ accountName: 'replay', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' });
    const totp = oracle(enrollment.secret.base32, 'SHA1', 6, 30);
    const now = 1_800_000_000_000;
    const near = new Set([-1, 0, 1].map((offset) => totp.generate({ timestamp: now + offset * 30_000 })));
    const wrong = ['000000', '123456', '999999'].find((code) => !near.has(code))!;
    const current = totp.counter({ timestamp: now });
    for (const afterStep of [undefined, 0, current - 5, current, current + 3]) {
      expect(await verifyCode(enrollment.codeOptions, wrong, { timestamp: now, afterStep })).to.deep.equal({ valid: false, reason: 'mismatch' });
      expect(await verifyCode(enrollment.codeOptions, '12345', { timestamp: now, afterStep })).to.deep.equal({ valid: false, reason: 'format' });
    }
  });

  it('refuses an afterStep that is not a whole number from 0, naming it', async () => {
    const enrollment = createEnrollment({ accountName: 'replay' });
    for (const afterStep of [-1, 1.5, Number.NaN, 2 ** 60]) {
      try {
        await verifyCode(enrollment.codeOptions, '123456', { afterStep });
        expect.fail(`afterStep ${afterStep} accepted`);
      } catch (error) {
        expect(error).to.be.instanceOf(TotpParameterError);
        expect((error as TotpParameterError).field).to.equal('afterStep');
      }
    }
  });
});
