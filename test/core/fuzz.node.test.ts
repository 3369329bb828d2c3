// Every public parser and validator on arbitrary strings and values (fast-check): each either accepts or throws one
// of our own errors — a TotpParameterError naming a field, or for sealed secrets a SealedSecretError with its reason —
// never a TypeError, URIError or RangeError. And each runs in linear time: a 1 MB input is read in under 100 ms, or,
// on a machine too loaded for that, its time no more than triples when the input doubles (a quadratic parser's
// quadruples; the check is itself checked against the quadratic trim that parseSecret used to do).
import { expect } from 'chai';
import fc from 'fast-check';
import {
  checkRecoveryCode,
  codesAround,
  createEnrollment,
  findStep,
  generateCode,
  generateHostedApiResult,
  generateRecoveryCodes,
  hashRecoveryCode,
  importSealingKey,
  normalizeRecoveryCode,
  openSecret,
  parseKeyUri,
  parseClockOffset,
  parseParameters,
  parseSecret,
  parseTypedCode,
  sealSecret,
  SealedSecretError,
  TotpParameterError,
  verifyCode,
  type CodeOptions,
} from '../../src/core/index.js';
import { parseQuery } from '../../src/core/query-string.js';
import { createFetchHandler } from '../../src/server/index.js';

const RUNS = 2_000;
const SECRET = new Uint8Array(20).fill(1);
const OPTIONS: CodeOptions = { secret: SECRET, digits: 6, period: 30, algorithm: 'SHA1' };
const key = await importSealingKey(new Uint8Array(32).fill(3));
const sealed = await sealSecret(SECRET, key, { accountId: 'fuzz' });

/** Any value, including null-prototype objects, symbols, big integers, typed arrays and sparse arrays. */
const anyValue = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true });
/** Strings of any code units (lone surrogates included), and strings built from the characters parsers care about. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('=', '%', '&', ':', '?', '#', '/', ' ', '-', 'A', '2', '\uD800', '\u202E', '\u0000', '\n', 'otpauth://totp/', 'secret=', '%E2', '+'), maxLength: 60 }),
);
const anyInput = fc.oneof(anyString, anyValue);

/** Runs `run`, and fails unless it returned or threw one of our errors naming what is wrong. */
async function onlyOurErrors(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TotpParameterError) {
      expect(error.field, error.message).to.be.a('string').and.not.equal('');
      expect(error.message.startsWith(`${error.field}: `), error.message).to.equal(true);
      return;
    }
    if (error instanceof SealedSecretError) {
      expect(['format', 'version', 'unopened']).to.include(error.reason);
      return;
    }
    throw new Error(`threw ${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** What each public parser and validator is given: one arbitrary input, in every position it could take. */
const TARGETS: Record<string, (input: unknown) => unknown> = {
  parseSecret: (input) => parseSecret(input as string),
  parseKeyUri: (input) => parseKeyUri(input as string),
  'parseParameters (every field)': (input) => parseParameters({ issuer: input, accountName: input, digits: input, period: input, algorithm: input } as never),
  'createEnrollment (accountName)': (input) => createEnrollment({ accountName: input as string }),
  'createEnrollment (issuer, secret, secretBytes)': (input) => createEnrollment({ accountName: 'a', issuer: input, secret: input, secretBytes: input } as never),
  'createEnrollment (the options)': (input) => createEnrollment(input as never),
  'generateCode (timestamp)': (input) => generateCode(OPTIONS, input as number),
  'generateCode (options)': (input) => generateCode({ ...OPTIONS, period: input, digits: input, algorithm: input } as never, 0),
  'verifyCode (code)': (input) => verifyCode(OPTIONS, input as string, { timestamp: 1_800_000_000_000 }),
  'verifyCode (window, timestamp, afterStep)': (input) => verifyCode(OPTIONS, '123456', { window: input, timestamp: input, afterStep: input } as never),
  normalizeRecoveryCode: (input) => normalizeRecoveryCode(input as string),
  // The time-window lab's functions (codes around a moment, which step a typed code is, the clock offset).
  'codesAround (timestamp, steps)': (input) => codesAround(OPTIONS, input as number, { steps: input } as never),
  'codesAround (options)': (input) => codesAround({ ...OPTIONS, period: input, digits: input, algorithm: input } as never, 0),
  'findStep (code)': (input) => findStep(OPTIONS, input as string, 1_800_000_000_000),
  'findStep (timestamp, range)': (input) => findStep(OPTIONS, '123456', input as number, { range: input } as never),
  'parseTypedCode (code, digits)': (input) => parseTypedCode(input, input as number),
  parseClockOffset: (input) => parseClockOffset(input),
  'generateRecoveryCodes (count, length)': (input) => generateRecoveryCodes({ count: input, length: input } as never),
  'hashRecoveryCode (code)': (input) => hashRecoveryCode(input as string),
  'checkRecoveryCode (hash)': (input) => checkRecoveryCode('not-a-code', input as string),
  'generateHostedApiResult (query)': (input) => generateHostedApiResult(input as string),
  parseQuery: (input) => parseQuery(typeof input === 'string' ? input : String(typeof input)),
  'openSecret (sealed)': (input) => openSecret(input as string, key, { accountId: 'fuzz' }),
  'openSecret (accountId)': (input) => openSecret(sealed, key, { accountId: input as string }),
  'sealSecret (secret, accountId)': (input) => sealSecret(input as string, key, { accountId: input as string }),
  importSealingKey: (input) => importSealingKey(input as string),
  // The endpoint's settings: a value that could never work is refused when the handler is made, naming it.
  'createFetchHandler (cors, apiKey)': (input) => createFetchHandler({ cors: input as string, apiKey: input as string }),
};

describe('fuzz: every public parser and validator throws only our errors, naming a field', function () {
  this.timeout(300_000);
  for (const [name, run] of Object.entries(TARGETS)) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(anyInput, (input) => onlyOurErrors(() => run(input))),
        { numRuns: /hashRecoveryCode|checkRecoveryCode/.test(name) ? RUNS / 10 : RUNS },
      );
    });
  }
});

const MB = 1_000_000;

/** Inputs that make a careless parser backtrack or rescan: runs of the characters each one treats specially. */
const HOSTILE: Record<string, (length: number) => string> = {
  'padding then a letter': (n) => `${'='.repeat(n - 1)}A`,
  letters: (n) => 'A'.repeat(n),
  'spaces then a letter': (n) => `${' '.repeat(n - 1)}x`,
  'hyphens and spaces': (n) => '- '.repeat(n / 2),
  percents: (n) => '%'.repeat(n),
  'name=value pairs': (n) => 'a=&'.repeat(Math.floor(n / 3)),
  'a Key URI with a long label': (n) => `otpauth://totp/${'a'.repeat(n - 40)}?secret=JBSWY3DPEHPK3PXP`,
  'a Key URI of colons': (n) => `otpauth://totp/${':'.repeat(n - 15)}`,
  'invisible characters': (n) => '\u00AD\u200B'.repeat(n / 2),
};

/** The fastest of up to three runs (fewer once they took 300 ms), in milliseconds: the parse alone, its input already built. */
async function bestTime(run: () => unknown): Promise<number> {
  let best = Infinity;
  let total = 0;
  for (let i = 0; i < 3 && total < 300; i++) {
    const started = performance.now();
    try {
      await run();
    } catch {
      // Refusing is as good as accepting here; only the time counts.
    }
    const time = performance.now() - started;
    best = Math.min(best, time);
    total += time;
  }
  return best;
}

/**
 * Times `parse` on inputs doubling from 1/64 MB to 1 MB. Linear: 1 MB under 100 ms. Under load a linear parser may
 * take longer, so a slow size only fails when it also took over three times the half size's time (quadratic: four),
 * twice in a row.
 * Stops at the first such size, so a quadratic parser is caught in seconds rather than waited for.
 */
async function superlinearAt(parse: (text: string) => unknown, hostile: (length: number) => string): Promise<string | undefined> {
  let previous: number | undefined;
  const superlinear = (time: number, before: number) => time > 100 && time > 3 * Math.max(before, 1);
  for (let length = MB / 64; length <= MB; length *= 2) {
    const input = hostile(length);
    let time = await bestTime(() => parse(input));
    if (previous !== undefined && superlinear(time, previous)) {
      // Measured again, both sizes, before failing: a collection or another process can take 100 ms from one run.
      const half = hostile(length / 2);
      previous = Math.min(previous, await bestTime(() => parse(half)));
      time = Math.min(time, await bestTime(() => parse(input)));
      if (superlinear(time, previous)) return `${length} characters took ${time.toFixed(1)} ms, ${length / 2} took ${previous.toFixed(1)} ms`;
    }
    previous = time;
  }
  return undefined;
}

describe('fuzz: every parser reads 1 MB in linear time', function () {
  this.timeout(300_000);

  it('the check catches a quadratic parser (the padding trim parseSecret had)', async () => {
    const quadratic = (text: string) => text.replace(/=+$/, '');
    expect(await superlinearAt(quadratic, HOSTILE['padding then a letter']!)).to.be.a('string');
  });

  const parsers: Record<string, (text: string) => unknown> = {
    parseSecret,
    parseKeyUri,
    parseQuery,
    normalizeRecoveryCode,
    'parseParameters (accountName)': (text) => parseParameters({ accountName: text }),
    'createEnrollment (issuer)': (text) => createEnrollment({ accountName: 'a', issuer: text }),
    'verifyCode (code)': (text) => verifyCode(OPTIONS, text, { timestamp: 0 }),
    'findStep (code)': (text) => findStep(OPTIONS, text, 1_800_000_000_000),
    'parseTypedCode (code)': (text) => parseTypedCode(text, 6),
    parseClockOffset,
    'generateHostedApiResult (query)': (text) => generateHostedApiResult(text),
    'openSecret (sealed)': (text) => openSecret(`v1.${text}`, key, { accountId: 'fuzz' }),
  };
  for (const [name, parse] of Object.entries(parsers)) {
    it(name, async () => {
      for (const [what, hostile] of Object.entries(HOSTILE)) {
        expect(await superlinearAt(parse, hostile), `${name} on ${what}`).to.equal(undefined);
      }
    });
  }
});
