// Sealed secrets (AES-256-GCM): a sealed value opens only with its key and its account, and any change to it is an
// error — never a wrong secret. Node's own AES-GCM opens them from the documented format in
// sealed-secret.node.test.ts; here, the behaviour in every runtime.
import { expect } from 'chai';
import { base64urlnopad } from '@scure/base';
import { generateSecret, importSealingKey, openSecret, sealSecret, SealedSecretError } from '../../src/core/index.js';
import { expectParameterError } from '../support/parameter-error.js';

const randomKeyBytes = () => crypto.getRandomValues(new Uint8Array(32));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function expectSealedError(run: () => Promise<unknown>, reason: string): Promise<void> {
  try {
    await run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(SealedSecretError);
    expect((error as SealedSecretError).reason).to.equal(reason);
    return;
  }
  throw new Error('opened');
}

describe('sealed secrets', () => {
  const account = { accountId: 'user-42' };
  const secret = generateSecret('SHA1');
  let key: CryptoKey;
  let sealed: string;
  before(async () => {
    key = await importSealingKey(toBase64(randomKeyBytes()));
    sealed = await sealSecret(secret.base32, key, account);
  });

  it('opens to the same secret, bytes and Base32; the sealed text holds neither', async () => {
    const opened = await openSecret(sealed, key, account);
    expect(opened.base32).to.equal(secret.base32);
    expect([...opened.bytes]).to.deep.equal([...secret.bytes]);
    expect(opened.weak).to.equal(false);
    expect(sealed).to.match(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.to.include(secret.base32);
    // 12-byte nonce + 20-byte secret + 16-byte tag = 48 bytes = 64 Base64url characters.
    expect(sealed).to.have.length(3 + 64);
  });

  it('takes the secret as Base32 in any case or grouping, or as bytes', async () => {
    const grouped = secret.base32.toLowerCase().replace(/(.{4})/g, '$1 ');
    for (const input of [grouped, secret.bytes]) {
      expect((await openSecret(await sealSecret(input, key, account), key, account)).base32).to.equal(secret.base32);
    }
  });

  it('uses a fresh nonce every time: the same secret never seals to the same text', async () => {
    const seals = await Promise.all(Array.from({ length: 20 }, () => sealSecret(secret.base32, key, account)));
    expect(new Set(seals).size).to.equal(20);
    expect(new Set(seals.map((value) => value.slice(3, 19))).size).to.equal(20);
  });

  it('does not open with another key', async () => {
    const otherKey = await importSealingKey(randomKeyBytes());
    await expectSealedError(() => openSecret(sealed, otherKey, account), 'unopened');
  });

  it("does not open as another account's record", async () => {
    for (const accountId of ['user-43', 'user-42 ', 'User-42', 'user-4']) {
      await expectSealedError(() => openSecret(sealed, key, { accountId }), 'unopened');
    }
  });

  it('refuses a change to any byte, bit by bit, and to any character of the text', async () => {
    const blob = base64urlnopad.decode(sealed.slice(3));
    for (let index = 0; index < blob.length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const changed = blob.slice();
        changed[index]! ^= 1 << bit;
        await expectSealedError(() => openSecret(`v1.${base64urlnopad.encode(changed)}`, key, account), 'unopened');
      }
    }
    for (let index = 0; index < sealed.length; index++) {
      const replacement = sealed[index] === 'A' ? 'B' : 'A';
      const changed = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
      try {
        await openSecret(changed, key, account);
        expect.fail(`opened with character ${index} changed`);
      } catch (error) {
        expect(error, `character ${index}`).to.be.instanceOf(SealedSecretError);
      }
    }
  });

  it('refuses truncation, extension, other versions and other text clearly', async () => {
    await expectSealedError(() => openSecret(sealed.slice(0, -4), key, account), 'unopened');
    await expectSealedError(() => openSecret(`${sealed}AAAA`, key, account), 'unopened');
    await expectSealedError(() => openSecret('v1.AAAA', key, account), 'format');
    await expectSealedError(() => openSecret(`v2.${sealed.slice(3)}`, key, account), 'version');
    await expectSealedError(() => openSecret(secret.base32, key, account), 'format');
    await expectSealedError(() => openSecret(`v1.${sealed.slice(3)}=`, key, account), 'format');
    await expectSealedError(() => openSecret(`v1.${sealed.slice(3).replace(/-/g, '+')}+`, key, account), 'format');
  });

  it('imports a key from 32 bytes or their Base64 / Base64url text; refuses other lengths without showing the key', async () => {
    const bytes = randomKeyBytes();
    const text = toBase64(bytes);
    const fromBytes = await importSealingKey(bytes);
    for (const spelling of [text, text.replace(/=+$/, ''), text.replace(/\+/g, '-').replace(/\//g, '_'), `  ${text}\n`]) {
      const imported = await importSealingKey(spelling);
      expect(imported.extractable).to.equal(false);
      expect((await openSecret(await sealSecret(secret.base32, imported, account), fromBytes, account)).base32).to.equal(secret.base32);
    }
    for (const bad of [toBase64(bytes.slice(0, 16)), toBase64(new Uint8Array(64)), 'not base64!', '']) {
      const error = await expectParameterError(() => importSealingKey(bad), 'key');
      if (bad) expect(error.message).not.to.include(bad.slice(0, 10));
    }
    await expectParameterError(() => importSealingKey(bytes.slice(1)), 'key');
  });

  it('refuses a key that is not an AES-256-GCM key, an empty account id, and a secret that is not Base32', async () => {
    const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const aes128 = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, ['encrypt', 'decrypt']);
    for (const bad of [hmac, aes128]) {
      await expectParameterError(() => sealSecret(secret.base32, bad, account), 'key');
      await expectParameterError(() => openSecret(sealed, bad, account), 'key');
    }
    await expectParameterError(() => sealSecret(secret.base32, key, { accountId: '' }), 'accountId');
    await expectParameterError(() => openSecret(sealed, key, { accountId: '' }), 'accountId');
    await expectParameterError(() => sealSecret('not base32!', key, account), 'secret');
    await expectParameterError(() => sealSecret(new Uint8Array(0), key, account), 'secret');
  });
});
