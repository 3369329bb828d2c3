// The time-window lab's core against a third implementation, in C: Debian's oathtool (liboath), asked with `-N` (its
// `--now`) for arbitrary moments, and with `-w` for the following steps' codes.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { ALGORITHMS, codesAround, createEnrollment, findStep, type Enrollment } from '../../src/core/index.js';

const CASES = 24;

/** oathtool's codes for the steps of `seconds` and the `following` ones after it. */
function oathtool(enrollment: Enrollment, seconds: number, following: number): string[] {
  const { algorithm, digits, period } = enrollment.parameters;
  const hex = Array.from(enrollment.secret.bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return execFileSync('oathtool', [`--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--time-step-size=${period}s`, `-N`, `@${seconds}`, `-w`, String(following), hex], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
}

function cases() {
  return Array.from({ length: CASES }, (_, i) => {
    const algorithm = ALGORITHMS[i % 3]!;
    const digits = i % 2 ? 8 : 6;
    const period = 10 + ((i * 37) % 111);
    const enrollment = createEnrollment({ accountName: 'lab', algorithm, digits, period });
    // Arbitrary moments to the millisecond, from 1970 to 2096, including some right at a step's first millisecond.
    const timestamp = i % 5 === 0 ? Math.floor(((i + 1) * 1_000_003_333) % 4_000_000_000 / period) * period * 1000 : ((i + 1) * 1_000_003_333_777) % 4_000_000_000_000;
    return { enrollment, timestamp, label: `${algorithm}/${digits}/${period}s at ${new Date(timestamp).toISOString()}` };
  });
}

describe(`time window: oathtool agrees on ${CASES} random moments`, () => {
  it('codesAround gives oathtool\'s codes for T−2 … T+2, with each step\'s time range', async function () {
    this.timeout(60_000);
    for (const { enrollment, timestamp, label } of cases()) {
      const { period } = enrollment.parameters;
      const seconds = Math.floor(timestamp / 1000);
      const theirs = oathtool(enrollment, seconds - 2 * period, 4);
      const ours = await codesAround(enrollment.codeOptions, timestamp);
      expect(ours.map((each) => each.code), label).to.deep.equal(theirs);
      expect(ours.map((each) => each.offset), label).to.deep.equal([-2, -1, 0, 1, 2]);
      for (const each of ours) {
        // The range holds the moment the code was asked for, shifted by whole steps.
        expect(each.start, label).to.be.at.most(timestamp + each.offset * period * 1000);
        expect(each.end - each.start, label).to.equal(period * 1000);
        expect(each.end, label).to.be.above(timestamp + each.offset * period * 1000);
      }
    }
  });

  it('findStep names the step of each of oathtool\'s codes within ±10 steps, with the seconds since or until', async function () {
    this.timeout(120_000);
    for (const { enrollment, timestamp, label } of cases()) {
      const { period } = enrollment.parameters;
      const seconds = Math.floor(timestamp / 1000);
      const theirs = oathtool(enrollment, seconds - 10 * period, 20);
      // Two steps sharing a code (1 in 10^digits per pair) would make "which step" ambiguous; skip such a moment.
      if (new Set(theirs).size !== theirs.length) continue;
      for (const offset of [-10, -3, -1, 0, 1, 3, 10]) {
        const found = await findStep(enrollment.codeOptions, theirs[offset + 10]!, timestamp);
        expect(found.found, `${label}, offset ${offset}`).to.equal(true);
        if (!found.found) continue;
        expect(found.offset, label).to.equal(offset);
        const stepStart = (Math.floor(seconds / period) + offset) * period;
        expect(found.start, label).to.equal(stepStart * 1000);
        if (offset < 0) expect(found.expiredSecondsAgo, label).to.equal(Math.floor((timestamp - (stepStart + period) * 1000) / 1000));
        if (offset > 0) expect(found.startsInSeconds, label).to.equal(Math.ceil((stepStart * 1000 - timestamp) / 1000));
      }
      // oathtool's code 11 steps away is outside the search.
      const [outside] = oathtool(enrollment, seconds + 11 * period, 0);
      if (!theirs.includes(outside!)) {
        const far = await findStep(enrollment.codeOptions, outside!, timestamp);
        expect(far.found, label).to.equal(false);
      }
    }
  });

  it('a clock offset is a shifted timestamp: codes equal oathtool\'s at the shifted time', async function () {
    this.timeout(60_000);
    for (const { enrollment, timestamp, label } of cases().slice(0, 8)) {
      for (const offsetSeconds of [-300, -61, 60, 299]) {
        const shifted = timestamp + offsetSeconds * 1000;
        const [current] = (await codesAround(enrollment.codeOptions, shifted, { steps: 0 })).map((each) => each.code);
        expect(current, `${label} ${offsetSeconds} s`).to.equal(oathtool(enrollment, Math.floor(shifted / 1000), 0)[0]);
      }
    }
  });
});
