// An independent implementation reads the documented format: Node's `createDecipheriv('aes-256-gcm')` (OpenSSL)
// opens what sealSecret sealed, and what Node seals in that format opens with openSecret.
//   v1.<base64url(nonce[12] ‖ ciphertext ‖ tag[16])>, associated data = UTF-8 of "v1." + account id.
import { expect } from 'chai';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { generateSecret, importSealingKey, openSecret, sealSecret, SealedSecretError } from '../../src/core/index.js';

function nodeOpen(sealed: string, key: Buffer, accountId: string): Buffer {
  expect(sealed.startsWith('v1.')).to.equal(true);
  const blob = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(`v1.${accountId}`, 'utf8'));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
}

function nodeSeal(secret: Uint8Array, key: Buffer, accountId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`v1.${accountId}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `v1.${Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

describe('sealed secrets, opened by Node’s AES-256-GCM', () => {
  it('Node opens what we seal, for secrets of every size and accounts with any characters', async () => {
    const keyBytes = randomBytes(32);
    const key = await importSealingKey(keyBytes.toString('base64'));
    for (const [algorithm, accountId] of [['SHA1', 'user-1'], ['SHA256', 'ännä@example.com'], ['SHA512', '🔑 42']] as const) {
      const secret = generateSecret(algorithm);
      const sealed = await sealSecret(secret.base32, key, { accountId });
      expect(nodeOpen(sealed, keyBytes, accountId).equals(Buffer.from(secret.bytes)), algorithm).to.equal(true);
      // And Node refuses it for another account, as we do.
      expect(() => nodeOpen(sealed, keyBytes, `${accountId}x`)).to.throw(/unable to authenticate|Unsupported state/);
    }
  });

  it('we open what Node seals in the documented format, and only for its account', async () => {
    const keyBytes = randomBytes(32);
    const key = await importSealingKey(keyBytes);
    const secret = generateSecret('SHA256');
    const sealed = nodeSeal(secret.bytes, keyBytes, 'acct-7');
    expect((await openSecret(sealed, key, { accountId: 'acct-7' })).base32).to.equal(secret.base32);
    try {
      await openSecret(sealed, key, { accountId: 'acct-8' });
      expect.fail('opened for another account');
    } catch (error) {
      expect(error).to.be.instanceOf(SealedSecretError);
    }
  });
});
