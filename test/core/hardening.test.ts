// Issue 21, items 4–6: inputs that used to throw the wrong error type or give a silently wrong result. Each case
// reproduces what was reported; the fuzz suite (fuzz.node.test.ts) covers arbitrary inputs.
import { expect } from 'chai';
import {
  createEnrollment,
  generateCode,
  generateHostedApiResult,
  generateSecret,
  importSealingKey,
  normalizeRecoveryCode,
  parseKeyUri,
  parseParameters,
  sealSecret,
  openSecret,
  TotpParameterError,
  verifyCode,
  type CodeOptions,
} from '../../src/core/index.js';

/** The error a call throws or rejects with. */
async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function expectFieldError(run: () => unknown, field: string, message?: RegExp): Promise<void> {
  const error = await errorOf(run);
  expect(error, `expected a TotpParameterError naming ${field}`).to.be.instanceOf(TotpParameterError);
  expect((error as TotpParameterError).field).to.equal(field);
  if (message) expect((error as TotpParameterError).message).to.match(message);
}

const secret = generateSecret('SHA1').bytes;
const options: CodeOptions = { secret, digits: 6, period: 30, algorithm: 'SHA1' };

describe('hardening: errors of the right type, naming the field (issue 21 item 4)', () => {
  it('a lone surrogate in a label is a TotpParameterError naming the label part, not a URIError', async () => {
    await expectFieldError(() => createEnrollment({ accountName: 'user\uD800' }), 'accountName', /lone surrogate/);
    await expectFieldError(() => createEnrollment({ accountName: 'a', issuer: '\uDC00Corp' }), 'issuer', /lone surrogate/);
    // A well-formed pair (an emoji) is fine.
    expect(createEnrollment({ accountName: 'user\uD83D\uDE00' }).uri).to.include('%F0%9F%98%80');
  });

  it('a non-string code in verifyCode or normalizeRecoveryCode is a TotpParameterError naming code, not a TypeError', async () => {
    for (const code of [123456, null, undefined, {}, Object.create(null)]) {
      await expectFieldError(() => verifyCode(options, code as string, { timestamp: 0 }), 'code');
      await expectFieldError(() => normalizeRecoveryCode(code as string), 'code');
    }
  });

  it('null-prototype objects and symbols as values are described, not a TypeError from the message', async () => {
    await expectFieldError(() => parseParameters({ accountName: Object.create(null) as string }), 'accountName', /got an object/);
    await expectFieldError(() => parseParameters({ accountName: 'a', digits: Symbol('6') as unknown as string }), 'digits', /got a symbol/);
    await expectFieldError(() => parseParameters({ accountName: 'a', period: [30] as unknown as string }), 'period', /got an array of 1/);
    // Found by the fuzz suite: no options at all, and a Key URI parameter without a name.
    await expectFieldError(() => createEnrollment(undefined as never), 'options');
    await expectFieldError(() => parseKeyUri('otpauth://totp/a?=%'), 'uri', /without a name/);
    // Item 2: a length limit named in the error, checked before any other work.
    await expectFieldError(() => createEnrollment({ accountName: 'a'.repeat(1_000_000) }), 'accountName', /is 1000000 characters long; expected .*at most 4096 characters/);
    await expectFieldError(() => parseKeyUri(`otpauth://totp/${'a'.repeat(9000)}`), 'uri', /is 9015 characters long, over the limit of 8192; expected .* at most 8192 characters/);
  });
});

describe('hardening: no silently wrong results (issue 21 item 5)', () => {
  it('generateCode and verifyCode refuse a period of 0, NaN, -30 or 30.5, naming period', async () => {
    for (const period of [0, Number.NaN, -30, 30.5, Infinity, 121, 9]) {
      await expectFieldError(() => generateCode({ ...options, period }, 0), 'period');
      // Before: period 0 made every time step Infinity, and a counter-0 code verified with step: Infinity.
      await expectFieldError(() => verifyCode({ ...options, period }, '000000', { timestamp: 1_800_000_000_000 }), 'period');
    }
  });

  it('refuses digits, algorithm and secret outside what createEnrollment makes', async () => {
    await expectFieldError(() => generateCode({ ...options, digits: 7 as 6 }, 0), 'digits');
    await expectFieldError(() => generateCode({ ...options, algorithm: 'MD5' as 'SHA1' }, 0), 'algorithm');
    await expectFieldError(() => generateCode({ ...options, secret: new Uint8Array(0) }, 0), 'secret');
  });

  it('refuses times past 2^53 steps, where the step count loses precision and then wraps the 8-byte counter', async () => {
    for (const timestamp of [2 ** 64 * 30_000, 2 ** 54 * 30_000, Number.MAX_VALUE, -1]) {
      await expectFieldError(() => generateCode(options, timestamp), 'timestamp', /at most 2\^53 - 1 time steps/);
    }
    // The latest Date still has a code.
    expect(await generateCode(options, 8.64e15)).to.match(/^\d{6}$/);
  });

  it('generateHostedApiResult reads a query string as strictly as the endpoint: %ZZ and invalid UTF-8 are refused', async () => {
    await expectFieldError(() => generateHostedApiResult('account_name=%ZZ'), 'account_name', /not valid percent-encoding/);
    await expectFieldError(() => generateHostedApiResult('account_name=%C3%28'), 'account_name', /not valid percent-encoding/);
    await expectFieldError(() => generateHostedApiResult('account_name=a&account_name=b'), 'account_name', /given more than once/);
    await expectFieldError(() => generateHostedApiResult('=1&=2&account_name=a'), 'query', /without a parameter name/);
    // Plain objects never had prototype names as parameters.
    await expectFieldError(() => generateHostedApiResult({ constructor: 'x' } as Record<string, string>), 'account_name', /is required/);
  });

  it('refuses account ids with a lone surrogate for sealing and opening: they would seal alike and open each other\'s', async () => {
    const key = await importSealingKey(new Uint8Array(32).fill(7));
    const sealed = await sealSecret(secret, key, { accountId: 'account-1' });
    for (const accountId of ['a\uD800', 'a\uDC00', '\uDFFFb']) {
      await expectFieldError(() => sealSecret(secret, key, { accountId }), 'accountId', /lone surrogate/);
      await expectFieldError(() => openSecret(sealed, key, { accountId }), 'accountId', /lone surrogate/);
    }
  });
});

describe('hardening: smaller (issue 21 item 6)', () => {
  it('recovery-code input loses soft hyphens, zero-width spaces, U+2212 minus and word joiners, as it loses en dashes', () => {
    expect(normalizeRecoveryCode('7kqm\u00ADd2xh\u200B9pwb')).to.equal('7KQMD2XH9PWB');
    expect(normalizeRecoveryCode('7KQM\u2212D2XH\u20609PWB\uFEFF')).to.equal('7KQMD2XH9PWB');
    expect(normalizeRecoveryCode('7KQM\u2013D2XH 9PWB')).to.equal('7KQMD2XH9PWB');
  });

  it('refuses labels holding bidi overrides, NUL or line breaks, naming the field and the character', async () => {
    await expectFieldError(() => createEnrollment({ accountName: 'a', issuer: 'Bank\u202Eelpmaxe' }), 'issuer', /U\+202E, a control or bidi-override character/);
    await expectFieldError(() => createEnrollment({ accountName: 'a', issuer: 'Bank\u2066x' }), 'issuer', /U\+2066/);
    await expectFieldError(() => createEnrollment({ accountName: 'us\u0000er' }), 'accountName', /U\+0000/);
    await expectFieldError(() => createEnrollment({ accountName: 'line\nbreak' }), 'accountName', /U\+000A/);
    await expectFieldError(() => createEnrollment({ accountName: 'a\u007Fb' }), 'accountName', /U\+007F/);
    // Right-to-left text itself is fine: only the invisible overrides are refused.
    expect(createEnrollment({ accountName: 'משתמש', issuer: 'בנק' }).parameters.issuer).to.equal('בנק');
  });
});
