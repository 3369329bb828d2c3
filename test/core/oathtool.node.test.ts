// A third implementation, in C: Debian's oathtool (liboath). Node only: it is a program, not a library.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { createEnrollment, generateCode, ALGORITHMS } from '../../src/core/index.js';

const CASES = 60;

describe(`oracle: oathtool agrees on ${CASES} random cases`, () => {
  it('same code for every algorithm, digit count and period', async function () {
    for (let i = 0; i < CASES; i++) {
      const algorithm = ALGORITHMS[i % 3]!;
      const digits = i % 2 ? 8 : 6;
      const period = 10 + ((i * 37) % 111);
      const enrollment = createEnrollment({ accountName: 'oath', algorithm, digits, period });
      const seconds = Math.floor(((i + 1) * 1_000_003_333) % 4_000_000_000);
      const hex = Array.from(enrollment.secret.bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
      const theirs = execFileSync('oathtool', [
        `--totp=${algorithm.toLowerCase()}`,
        `--digits=${digits}`,
        `--time-step-size=${period}s`,
        `--now=@${seconds}`,
        hex,
      ], { encoding: 'utf8' }).trim();
      expect(await generateCode(enrollment.codeOptions, seconds * 1000), `${algorithm}/${digits}/${period} at ${seconds}`).to.equal(theirs);
    }
  });
});
