// Batch provisioning with the real built command: `--count N` and `--accounts FILE|-` as NDJSON, streamed.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as OTPAuth from 'otpauth';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { builtCli, oathtoolCode, runCli, spawnCli } from './cli-process.js';

const AT = '1767225600';

/** Resident memory of a process, from /proc: current and peak ("high water mark"), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

describe('CLI: batch mode (NDJSON)', function () {
  before(() => builtCli());

  it('--count N writes N lines, each a complete enrollment with its own secret, checked by otpauth, oathtool and jsQR', async () => {
    const { status, stdout, stderr } = await runCli(['--count', '12', '--issuer', 'Fleet', '--account-name', 'device', '--at', AT]);
    expect(status, stderr).to.equal(0);
    const lines = stdout.split('\n');
    expect(lines.pop()).to.equal(''); // newline-terminated
    expect(lines).to.have.length(12);
    const results = lines.map((line) => JSON.parse(line));
    expect(new Set(results.map((result) => result.secret)).size).to.equal(12);
    for (const [i, result] of results.entries()) {
      expect(Object.keys(result)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
      const otp = OTPAuth.URI.parse(result.uri) as OTPAuth.TOTP;
      expect([otp.issuer, otp.label, otp.secret.base32]).to.deep.equal(['Fleet', 'device', result.secret]);
      expect(result.current_code).to.equal(otp.generate({ timestamp: Number(AT) * 1000 }));
      // The slower oracles on a sample.
      if (i % 4 === 0) {
        expect(result.current_code).to.equal(oathtoolCode(result.secret, Number(AT) * 1000));
        expect(readQrFromPng(dataUriBytes(result.qr_code))).to.equal(result.uri);
      }
    }
  });

  it('--accounts FILE makes one enrollment per non-empty line, in order, with the shared parameters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-accounts-'));
    const file = join(dir, 'accounts.txt');
    writeFileSync(file, 'alice@example.com\r\n\n   bob@example.com  \n\ncarol\n');
    const { status, stdout, stderr } = await runCli(['--accounts', file, '--issuer', 'Corp', '--digits', '8', '--at', AT]);
    expect(status, stderr).to.equal(0);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    const labels = results.map((result) => (OTPAuth.URI.parse(result.uri) as OTPAuth.TOTP).label);
    expect(labels).to.deep.equal(['alice@example.com', 'bob@example.com', 'carol']);
    for (const result of results) {
      expect(result.uri).to.contain('issuer=Corp&digits=8&');
      expect(result.current_code).to.equal(oathtoolCode(result.secret, Number(AT) * 1000, { digits: 8 }));
    }
  });

  it('--accounts - reads the account names from stdin', async () => {
    const { status, stdout } = await runCli(['--accounts', '-', '--issuer', 'Corp'], { input: 'one\ntwo\n' });
    expect(status).to.equal(0);
    const labels = stdout.trim().split('\n').map((line) => (OTPAuth.URI.parse(JSON.parse(line).uri) as OTPAuth.TOTP).label);
    expect(labels).to.deep.equal(['one', 'two']);
  });

  it('stops at an invalid account name, naming its line; the lines before it are complete', async () => {
    const { status, stdout, stderr } = await runCli(['--accounts', '-'], { input: 'ok1\nok2\nbad:name\nok3\n' });
    expect(status).to.equal(2);
    expect(stderr).to.match(/--accounts stdin line 3: .*"bad:name" contains a colon/);
    expect(stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).uri.split('?')[0])).to.deep.equal(['otpauth://totp/ok1', 'otpauth://totp/ok2']);
  });

  it('refuses a missing --accounts file and conflicting flags before writing anything', async () => {
    for (const [args, message] of [
      [['--accounts', '/nonexistent/accounts.txt'], /--accounts: cannot read "\/nonexistent\/accounts.txt": ENOENT/],
      [['--accounts', '-', '--count', '3'], /--count and --accounts cannot be combined/],
      [['--accounts', '-', '--account-name', 'x'], /--account-name and --accounts cannot be combined/],
      [['--count', '3', '--account-name', 'x', '--period', '300'], /--period: got "300"/],
    ] as [string[], RegExp][]) {
      const { status, stdout, stderr } = await runCli(args);
      expect(status, args.join(' ')).to.not.equal(0);
      expect(stdout).to.equal('');
      expect(stderr).to.match(message);
    }
  });

  // Bounded: a few thousand lines of a million-line job, then the job is stopped.
  const LINES = 2500;
  it('streams --count 1000000 with flat memory: lines arrive at once, and memory does not grow with them', async () => {
    const child = spawnCli(['--count', '1000000', '--account-name', 'load@example.com']);
    const lines = createInterface({ input: child.stdout! });
    const samples: { lines: number; rss: number; peak: number }[] = [];
    let count = 0;
    try {
      for await (const line of lines) {
        count++;
        if (count === 1) expect(JSON.parse(line)).to.have.keys('secret', 'uri', 'qr_code', 'current_code');
        if (count % 500 === 0) samples.push({ lines: count, ...memoryOf(child.pid!) });
        if (count === LINES) break;
      }
    } finally {
      child.kill('SIGTERM');
    }
    // Had the CLI collected the million results first, no line would have come before the mocha timeout.
    expect(count).to.equal(LINES);
    // After warming up (500 lines), the next lines must not raise the peak memory notably; a CLI that kept its
    // results would need gigabytes for a million of them.
    console.log(`      memory (MiB) by lines written: ${samples.map((s) => `${s.lines}: ${s.rss.toFixed(0)} (peak ${s.peak.toFixed(0)})`).join(', ')}`);
    const first = samples[0]!;
    const last = samples.at(-1)!;
    expect(last.peak - first.peak, JSON.stringify(samples)).to.be.below(16);
    expect(last.peak, JSON.stringify(samples)).to.be.below(150);
  });

  it('never reads stdin without --accounts (stdin is an open pipe that never ends)', async () => {
    const { status } = await runCli(['--count', '2', '--account-name', 'x']);
    expect(status).to.equal(0);
    const child = spawnCli(['--account-name', 'y']);
    const closed = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(closed).to.equal(0);
  });
});
