// The server-side example (examples/server-side/server.mjs, on the built core and element bundle), end to end in
// headless Chromium: enroll with the element as a person would (the QR read from a screenshot by jsQR), sign in with
// the code oathtool computes, and check the database file as an attacker with a copy of it would see it.
//
// The server's clock is the test's: a code is computed for exactly the moment the server checks it, so no step
// boundary can make this flaky. (The element's own check uses the browser's clock, which is the same machine's.)
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'puppeteer-core';
import { createExampleServer } from '../../examples/server-side/server.mjs';
import { oathtoolCode } from '../cli/cli-process.js';
import { launch, readElement } from '../pages/browser-harness.js';

const EXAMPLE = 'examples/server-side/server.mjs';
const ACCOUNT = 'alice@example.com';

interface StoredAccount {
  account: string;
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
  failures: number;
  lockedUntil: number;
}

/** Node's own AES-256-GCM opens a sealed secret from its documented format (docs/server-side.md). */
function openWithNode(sealed: string, key: Buffer, accountId: string): Buffer {
  const blob = Buffer.from(sealed.slice('v1.'.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(`v1.${accountId}`));
  decipher.setAuthTag(blob.subarray(-16));
  return Buffer.concat([decipher.update(blob.subarray(12, -16)), decipher.final()]);
}

/** Every spelling of the secret and the recovery codes that could give them away. */
function expectNothingInClear(text: string, secret: string, codes: string[]): void {
  const bytes = Buffer.from(OTPAuth.Secret.fromBase32(secret).bytes);
  const forms = [secret, secret.toLowerCase(), bytes.toString('hex'), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url')];
  for (const code of codes) forms.push(code, code.replace(/-/g, ''), code.toLowerCase(), code.replace(/-/g, '').toLowerCase());
  for (const form of forms) expect(text, 'the database file holds a secret or a recovery code in clear').not.to.include(form);
}

describe('example: server-side enrollment and sign-in (examples/server-side)', function () {
  const dir = mkdtempSync(join(tmpdir(), 'totp-server-example-'));
  const databaseFile = join(dir, 'db.json');
  const keyBytes = randomBytes(32);
  let serverNow = Date.now();
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  // What the person got from enrollment.
  let secret: string;
  let enrollmentCode: string;
  let recoveryCodes: string[] = [];
  // A second account, enrolled without a browser.
  const bobSecret = new OTPAuth.Secret({ size: 20 }).base32;

  const database = () => JSON.parse(readFileSync(databaseFile, 'utf8')) as { accounts: StoredAccount[] };
  const stored = (account = ACCOUNT) => database().accounts.find((record) => record.account === account)!;
  const step = (timestamp: number) => Math.floor(timestamp / 30_000);

  /** The sign-in form, filled and submitted as a person would; returns the page's heading and message. */
  async function signIn(code: string, account = ACCOUNT): Promise<{ title: string; message: string }> {
    await page.goto(`${origin}/`);
    await page.type('#sign-in input[name=account]', account);
    await page.type('#sign-in input[name=code]', code);
    await Promise.all([page.waitForNavigation(), page.click('#sign-in button')]);
    return page.evaluate(() => ({ title: document.querySelector('h1')!.textContent!, message: document.querySelector('#message')?.textContent ?? '' }));
  }

  /** POST /enroll without a browser, for the checks that need no element. */
  function postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return fetch(`${origin}${path}`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  }

  before(async function () {
    if (!existsSync('dist/core.js') || !existsSync('dist/totp-generator.bundle.js')) throw new Error('run `npm run build` first: the example uses dist/core.js and dist/totp-generator.bundle.js');
    server = await createExampleServer({ databaseFile, sealingKey: keyBytes.toString('base64'), now: () => serverNow });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch('chromium');
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('enrolls with the element: the form waits for a verified code, the server checks it too, stores it sealed, and shows recovery codes once', async () => {
    await page.goto(`${origin}/`);
    await page.type('#enroll input[name=account]', ACCOUNT);
    await Promise.all([page.waitForNavigation(), page.click('#enroll button')]);

    // What a phone would scan: the QR read back from a screenshot.
    const shown = await readElement(page);
    const otp = OTPAuth.URI.parse(shown.qrText) as OTPAuth.TOTP;
    expect([otp.issuer, otp.label]).to.deep.equal(['Example', ACCOUNT]);
    secret = otp.secret.base32;
    expect(await page.evaluate(() => (document.querySelector('form#enroll') as HTMLFormElement).checkValidity())).to.equal(false);

    serverNow = Date.now();
    enrollmentCode = oathtoolCode(secret, serverNow);
    await (await page.waitForSelector('totp-generator >>> #verify'))!.type(enrollmentCode);
    await page.waitForFunction(() => (document.querySelector('totp-generator') as unknown as { checkValidity(): boolean }).checkValidity());
    await page.type('form#enroll input[name=code]', enrollmentCode);
    expect(await page.evaluate(() => (document.querySelector('form#enroll') as HTMLFormElement).checkValidity())).to.equal(true);
    await Promise.all([page.waitForNavigation(), page.click('form#enroll button')]);

    expect(await page.$eval('h1', (h1) => h1.textContent)).to.equal('Two-factor sign-in is on');
    recoveryCodes = await page.$$eval('#recovery-codes code', (codes) => codes.map((code) => code.textContent!));
    expect(recoveryCodes).to.have.length(10);
    expect(new Set(recoveryCodes).size).to.equal(10);

    const record = stored();
    expect(record.secret).to.match(/^v1\.[A-Za-z0-9_-]+$/);
    expect(openWithNode(record.secret, keyBytes, ACCOUNT).equals(Buffer.from(otp.secret.bytes))).to.equal(true);
    expect(record.lastStep).to.equal(step(serverNow));
    expect(record.recoveryCodes).to.have.length(10);
    for (const hash of record.recoveryCodes) expect(hash).to.match(/^\$pbkdf2-sha256\$i=\d+\$/);
    expectNothingInClear(readFileSync(databaseFile, 'utf8'), secret, recoveryCodes);
  });

  it('signs in with the code oathtool computes, once: the same code again is refused, and so is the enrollment code', async () => {
    expect(await signIn(enrollmentCode)).to.deep.equal({ title: 'Not signed in', message: 'That code was already used. Wait for the next one.' });
    serverNow += 30_000;
    const code = oathtoolCode(secret, serverNow);
    expect(await signIn(code)).to.deep.equal({ title: 'Signed in', message: `Welcome back, ${ACCOUNT}.` });
    expect(stored().lastStep).to.equal(step(serverNow));
    expect(await signIn(code)).to.deep.equal({ title: 'Not signed in', message: 'That code was already used. Wait for the next one.' });
    expect((await signIn('000000')).title).to.equal('Not signed in');
  });

  it('a recovery code works once and only once, however it is typed; the database never holds one in clear', async () => {
    expect(await signIn(recoveryCodes[0]!)).to.deep.equal({ title: 'Signed in', message: `Welcome back, ${ACCOUNT}. You used a recovery code; 9 are left.` });
    expect(await signIn(recoveryCodes[0]!)).to.deep.equal({ title: 'Not signed in', message: 'That code did not work.' });
    const typedLoosely = recoveryCodes[1]!.toLowerCase().replace(/-/g, ' ');
    expect((await signIn(typedLoosely)).title).to.equal('Signed in');
    expect((await signIn(recoveryCodes[1]!)).title).to.equal('Not signed in');
    expect(stored().recoveryCodes).to.have.length(8);
    expectNothingInClear(readFileSync(databaseFile, 'utf8'), secret, recoveryCodes);
  });

  it('stores nothing when the posted code does not match the posted secret', async () => {
    const right = oathtoolCode(bobSecret, serverNow);
    const wrong = right === '123456' ? '654321' : '123456';
    const refused = await postForm('/enroll', { account: 'bob', totp_secret: bobSecret, code: wrong });
    expect(refused.status).to.equal(400);
    expect(await refused.text()).to.include('Nothing was stored');
    expect(database().accounts.map((record) => record.account)).to.deep.equal([ACCOUNT]);
    expect(readFileSync(databaseFile, 'utf8')).not.to.include('bob');
    // A secret under 128 bits is refused even with its right code.
    const weak = 'JBSWY3DPEHPK3PXP';
    expect((await postForm('/enroll', { account: 'bob', totp_secret: weak, code: oathtoolCode(weak, serverNow) })).status).to.equal(400);
    const accepted = await postForm('/enroll', { account: 'bob', totp_secret: bobSecret, code: right });
    expect(accepted.status).to.equal(200);
    expect(stored('bob').lastStep).to.equal(step(serverNow));
    expect((await postForm('/enroll', { account: 'bob', totp_secret: bobSecret, code: right })).status).to.equal(409);
  });

  it('locks an account for 15 minutes after 5 wrong codes in a row', async () => {
    serverNow += 30_000;
    const right = oathtoolCode(bobSecret, serverNow);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await postForm('/sign-in', { account: 'bob', code: wrong })).status).to.equal(401);
    const locked = await postForm('/sign-in', { account: 'bob', code: right });
    expect(locked.status).to.equal(429);
    serverNow += 15 * 60 * 1000;
    const later = oathtoolCode(bobSecret, serverNow);
    expect((await postForm('/sign-in', { account: 'bob', code: later })).status).to.equal(200);
  });

  it('limits wrong codes per client address too: 20 in 15 minutes, over any accounts, and the address is refused before any account is locked', async () => {
    serverNow += 15 * 60 * 1000; // the earlier tests' failures are out of the window
    const right = oathtoolCode(bobSecret, serverNow);
    const wrong = right === '123456' ? '654321' : '123456';
    // Twenty wrong codes spread over accounts: no account gets five, so only the client limit can stop them.
    for (let i = 0; i < 20; i++) expect((await postForm('/sign-in', { account: `guess-${i % 5}@example.com`, code: wrong })).status).to.equal(401);
    const refused = await postForm('/sign-in', { account: 'bob', code: right });
    expect(refused.status).to.equal(429);
    expect(await refused.text()).to.include('from your address');
    // Bob's account was never tried, so it is not locked: only this address is held off.
    expect(database().accounts.find((record) => record.account === 'bob')).to.include({ failures: 0, lockedUntil: 0 });
    serverNow += 15 * 60 * 1000;
    expect((await postForm('/sign-in', { account: 'bob', code: oathtoolCode(bobSecret, serverNow) })).status).to.equal(200);
  });

  it('runs as documented: `node server.mjs` with TOTP_SEALING_KEY prints its URL; without the key it says how to make one', async () => {
    const env = { ...process.env, TOTP_SEALING_KEY: randomBytes(32).toString('base64'), DATABASE_FILE: join(dir, 'run.json'), PORT: '0' };
    const child = spawn(process.execPath, [EXAMPLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const response = await fetch(`${url}/`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-security-policy')).to.include("script-src 'self'");
      expect(response.headers.get('cache-control')).to.equal('no-store');
    } finally {
      child.kill('SIGTERM');
    }
    const withoutKey = { ...env, TOTP_SEALING_KEY: '' };
    const bare = spawn(process.execPath, [EXAMPLE], { env: withoutKey, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bare.stderr!.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    const [status] = (await once(bare, 'close')) as [number];
    expect(status).to.equal(2);
    expect(stderr).to.include('openssl rand -base64 32');
  });
});
