// An independent implementation checks the documented hash format: Node's own PBKDF2 (OpenSSL) recomputes our
// hashes from their PHC string, and hashes it makes are accepted by checkRecoveryCode.
import { expect } from 'chai';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { checkRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from '../../src/core/index.js';

/** `$pbkdf2-sha256$i=N$salt$hash`, standard Base64 without padding, over the code upper-cased without dashes. */
function nodeHash(code: string, salt: Buffer, iterations: number): string {
  const hash = pbkdf2Sync(code.replace(/-/g, '').toUpperCase(), salt, iterations, 32, 'sha256');
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$pbkdf2-sha256$i=${iterations}$${b64(salt)}$${b64(hash)}`;
}

describe('recovery code hashes, checked with Node’s PBKDF2', () => {
  it('Node recomputes each of our hashes from the salt and iteration count in it', async () => {
    for (const code of generateRecoveryCodes({ count: 3 })) {
      const ours = await hashRecoveryCode(code.toLowerCase());
      const [, , parameters, salt] = ours.split('$');
      const iterations = Number(parameters!.slice(2));
      expect(nodeHash(code, Buffer.from(salt!, 'base64'), iterations)).to.equal(ours);
    }
  });

  it('accepts hashes Node made, with their own iteration counts, and only for their code', async () => {
    const [code, other] = generateRecoveryCodes({ count: 2, length: 16 }) as [string, string];
    for (const iterations of [100_000, 150_000]) {
      const theirs = nodeHash(code, randomBytes(16), iterations);
      expect(await checkRecoveryCode(code, theirs)).to.equal(true);
      expect(await checkRecoveryCode(other, theirs)).to.equal(false);
    }
  });
});
