// Batch provisioning with the real built command: `--count N` and `--accounts FILE|-` as NDJSON, streamed.
import { expect } from 'chai';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { builtCli, oathtoolCode, runCli, spawnCli } from './cli-process.js';

const AT = '1767225600';

/** A process's CPU time (all threads, from /proc/PID/stat) and resident memory, current and peak, in MiB. */
function usageOf(pid: number): { cpuSeconds: number; rss: number; peak: number } {
  // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks: 100 a second on Linux
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { cpuSeconds, rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

describe('CLI: batch mode (NDJSON)', function () {
  before(() => builtCli());

  for (const jobs of ['1', '2']) {
  it(`--count N writes N lines, each a complete enrollment with its own secret, checked by otpauth, oathtool and jsQR (--jobs ${jobs})`, async () => {
    const { status, stdout, stderr } = await runCli(['--count', '12', '--jobs', jobs, '--issuer', 'Fleet', '--account-name', 'device', '--at', AT]);
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

  }

  for (const jobs of ['1', '2']) {
    it(`--recovery-codes N gives every line its own N recovery codes (--jobs ${jobs})`, async () => {
      const { status, stdout, stderr } = await runCli(['--count', '5', '--jobs', jobs, '--account-name', 'device', '--recovery-codes', '3', '--at', AT]);
      expect(status, stderr).to.equal(0);
      const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(results).to.have.length(5);
      for (const result of results) {
        expect(Object.keys(result)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code', 'recovery_codes']);
        expect(result.recovery_codes).to.have.length(3);
      }
      expect(new Set(results.flatMap((result) => result.recovery_codes)).size).to.equal(15);
    });
  }

  it('--accounts FILE makes one enrollment per non-empty line, in order, with the shared parameters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-accounts-'));
    const file = join(dir, 'accounts.txt');
    writeFileSync(file, 'alice@example.com\r\n\n   bob@example.com  \n\ncarol\n');
    const { status, stdout, stderr } = await runCli(['--accounts', file, '--issuer', 'Corp', '--digits', '8', '--at', AT]);
    expect(status, stderr).to.equal(0);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    for (const result of results) expect(Object.keys(result)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
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
    for (const jobs of ['1', '2']) {
      const { status, stdout, stderr } = await runCli(['--accounts', '-', '--jobs', jobs], { input: 'ok1\nok2\nbad:name\nok3\n' });
      expect(status).to.equal(2);
      expect(stderr).to.match(/--accounts stdin line 3: account name "bad:name" contains a colon/);
      expect(stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).uri.split('?')[0])).to.deep.equal(['otpauth://totp/ok1', 'otpauth://totp/ok2']);
    }
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

  // Bounded: the first lines of a million-line job, a pause, then the job is stopped.
  it('streams --count 1000000: lines arrive at once, and when the reader stops, the CLI stops (no CPU, no memory growth)', async () => {
    const child = spawnCli(['--count', '1000000', '--account-name', 'load@example.com']);
    let lines = 0;
    let first = '';
    const reached = (target: number) =>
      new Promise<void>((resolve) => {
        const onData = (data: Buffer) => {
          if (!first) first = data.toString('utf8').split('\n')[0]!;
          for (const byte of data) if (byte === 10) lines++;
          if (lines >= target) {
            child.stdout!.off('data', onData);
            child.stdout!.pause();
            resolve();
          }
        };
        child.stdout!.on('data', onData).resume();
      });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      // Had the CLI collected the million results first, no line would come before the mocha timeout.
      await reached(500);
      expect(JSON.parse(first)).to.have.keys('secret', 'uri', 'qr_code', 'current_code');
      // The reader pauses: the pipe fills, and a CLI that respects backpressure stops making enrollments once the
      // ones in flight are done. One that kept going would burn CPU and pile the lines up in memory for ever.
      let idle = false;
      for (let attempt = 0; attempt < 40 && !idle; attempt++) {
        const start = usageOf(child.pid!).cpuSeconds;
        await sleep(500);
        idle = usageOf(child.pid!).cpuSeconds - start < 0.03;
      }
      expect(idle, 'the CLI went idle while the reader paused').to.equal(true);
      const before = usageOf(child.pid!);
      await sleep(1000);
      const after = usageOf(child.pid!);
      expect(after.cpuSeconds - before.cpuSeconds, 'CPU seconds used while the reader paused').to.be.below(0.05);
      expect(after.rss - before.rss, 'memory gained while the reader paused (MiB)').to.be.below(2);
      const pausedAt = lines;
      // Reading again, it carries on; its peak memory stays that of a small program.
      await reached(pausedAt + 500);
      expect(usageOf(child.pid!).peak, 'peak resident memory (MiB)').to.be.below(300);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('stops quietly with status 141 when the reader of stdout goes away (| head)', async () => {
    const child = spawnCli(['--count', '100000', '--account-name', 'x']);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    child.stdout!.once('data', () => child.stdout!.destroy());
    const [status] = (await once(child, 'close')) as [number];
    expect(status).to.equal(141);
    expect(stderr).to.equal('');
  });

  it('never reads stdin without --accounts (stdin is an open pipe that never ends)', async () => {
    const { status } = await runCli(['--count', '2', '--account-name', 'x']);
    expect(status).to.equal(0);
    const child = spawnCli(['--account-name', 'y']);
    const closed = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(closed).to.equal(0);
  });
});
