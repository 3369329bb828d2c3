// Recovery-code hashes: what a site stores instead of the codes. The PBKDF2 itself is checked against Node's own
// implementation in recovery-code-hash.node.test.ts; here, the behaviour in every runtime.
import { expect } from 'chai';
import {
  RECOVERY_CODE_HASH_ITERATIONS,
  checkRecoveryCode,
  findRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
} from '../../src/core/index.js';
import { expectParameterError } from '../support/parameter-error.js';

const PHC = /^\$pbkdf2-sha256\$i=(\d+)\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

describe('recovery code hashes', () => {
  const [code, other] = generateRecoveryCodes({ count: 2 }) as [string, string];
  let hash: string;
  before(async () => {
    hash = await hashRecoveryCode(code);
  });

  it('is a PHC string with the iteration count, a 16-byte salt and a 32-byte hash — and no trace of the code', () => {
    const match = PHC.exec(hash);
    expect(match, hash).to.not.equal(null);
    expect(Number(match![1])).to.equal(RECOVERY_CODE_HASH_ITERATIONS);
    expect(RECOVERY_CODE_HASH_ITERATIONS).to.be.at.least(100_000);
    expect(hash.toUpperCase()).not.to.include(code.replace(/-/g, ''));
  });

  it('checks the code as people type it (case, spaces, dashes) and refuses others', async () => {
    const compact = code.replace(/-/g, '');
    for (const typed of [code, code.toLowerCase(), compact, ` ${compact.slice(0, 6)} ${compact.slice(6)} `]) {
      expect(await checkRecoveryCode(typed, hash), typed).to.equal(true);
    }
    for (const typed of [other, '', 'not a code', compact.slice(0, -1), `${compact}2`]) {
      expect(await checkRecoveryCode(typed, hash), typed).to.equal(false);
    }
  });

  it('salts every hash: the same code hashes differently each time, and each hash checks', async () => {
    const again = await hashRecoveryCode(code);
    expect(again).not.to.equal(hash);
    expect(PHC.exec(again)![2]).not.to.equal(PHC.exec(hash)![2]);
    expect(await checkRecoveryCode(code, again)).to.equal(true);
  });

  it('findRecoveryCode gives the index of the matching hash, or -1', async () => {
    const codes = generateRecoveryCodes({ count: 3 });
    const hashes = await Promise.all(codes.map((c) => hashRecoveryCode(c)));
    expect(await findRecoveryCode(codes[2]!.toLowerCase(), hashes)).to.equal(2);
    expect(await findRecoveryCode(codes[0]!, hashes)).to.equal(0);
    expect(await findRecoveryCode(code, hashes)).to.equal(-1);
    expect(await findRecoveryCode(code, [])).to.equal(-1);
  });

  it('refuses to hash what is not a recovery code, without repeating it in the message', async () => {
    for (const bad of ['', 'SHORT', '0OIL-0OIL-0OIL', 'ABCD-EFGH-JKLM-NPQR-S']) {
      const error = await expectParameterError(() => hashRecoveryCode(bad), 'code');
      if (bad) expect(error.message).not.to.include(bad);
    }
  });

  it('takes a higher iteration count, stored in the hash, and refuses one below 100,000 or above 10,000,000', async () => {
    const stronger = await hashRecoveryCode(code, { iterations: 120_000 });
    expect(PHC.exec(stronger)![1]).to.equal('120000');
    expect(await checkRecoveryCode(code, stronger)).to.equal(true);
    await expectParameterError(() => hashRecoveryCode(code, { iterations: 99_999 }), 'iterations');
    await expectParameterError(() => hashRecoveryCode(code, { iterations: 10_000_001 }), 'iterations');
  });

  it('refuses a hash that is not one, naming it', async () => {
    const [, salt, digest] = PHC.exec(hash)!;
    const bad = [
      '',
      'plain text',
      hash.replace('pbkdf2-sha256', 'pbkdf2-sha1'),
      hash.replace(`i=${RECOVERY_CODE_HASH_ITERATIONS}`, 'i=1000'),
      `$pbkdf2-sha256$i=100000$${salt}$${digest!.slice(0, -1)}`,
      // 43 Base64 characters hold 258 bits: the 2 spare bits of a canonical 32-byte encoding are zero.
      `$pbkdf2-sha256$i=100000$${salt}$${digest!.slice(0, -1)}B`,
    ];
    for (const text of bad) await expectParameterError(() => checkRecoveryCode(code, text), 'hash');
  });
});
