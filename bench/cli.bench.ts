// `npm run bench` → the CLI's batch throughput and the endpoint's requests per second, each as a ratio against
// the classic Node stack (speakeasy for secrets and codes, qrcode for the PNG), measured in the same run.
//
// 1. In one process, one thread: the CLI's own batch pipeline (src/cli/batch.ts) against the same job done with
//    speakeasy + qrcode: enrollments per CPU second, each a complete hosted-API JSON line with its PNG.
// 2. End to end, as a user runs it: `node dist/cli.js --count N` against a script doing the same with
//    speakeasy + qrcode, process start-up included — once with the CLI on one thread (--jobs 1), once with its
//    default worker threads (one a CPU). The classic stack has no parallel batch mode; both numbers are printed.
// 3. The endpoint on 127.0.0.1: `totp-enroll serve` against the same route served by speakeasy + qrcode on
//    node:http, a bounded number of keep-alive requests, a few at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
import { deflateSync } from 'node:zlib';
import { createEnrollment, generateCode, qrMatrix, qrPng } from '../src/core/index.js';
import { repeatedItems, writeBatch } from '../src/cli/batch.js';
import { SPEAKEASY_SERVER } from './speakeasy-server.js';

if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first (npm run bench does)');
// A private copy of the self-contained bundle: a concurrent `npm run build` empties dist/.
const CLI = join(mkdtempSync(join(tmpdir(), 'totp-enroll-bench-')), 'cli.js');
copyFileSync('dist/cli.js', CLI);

/** A stream that throws its input away (but still goes through write(), as stdout would). */
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** The classic stack's enrollment, as a hosted-API JSON line. */
async function speakeasyLine(issuer: string, accountName: string): Promise<string> {
  const { base32 } = speakeasy.generateSecret({ length: 20 });
  const uri = speakeasy.otpauthURL({ secret: base32, encoding: 'base32', label: `${issuer}:${accountName}`, issuer, digits: 6, period: 30, algorithm: 'sha1' });
  const current_code = speakeasy.totp({ secret: base32, encoding: 'base32' });
  const qr_code = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' });
  return `${JSON.stringify({ secret: base32, uri, qr_code, current_code })}\n`;
}

/**
 * Enrollments per second of CPU time (process.cpuUsage: every thread of this process, the HMAC's thread pool
 * included). CPU time, not wall time, because this machine is shared: other processes' load stretches wall time
 * but not the CPU time our work needs.
 */
async function perSecond(count: number, job: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await job();
  const { user, system } = process.cpuUsage(started);
  return count / ((user + system) / 1e6);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (value: number) => `${value.toFixed(0).padStart(6)}/s`;

async function inProcess(): Promise<{ ours: number; theirs: number }> {
  const N = 600;
  const options = { issuer: 'MyApp', accountName: 'user@example.com' };
  const ours = () => perSecond(N, () => writeBatch(repeatedItems(options, N), sink()));
  const theirs = () =>
    perSecond(N, async () => {
      const out = sink();
      for (let i = 0; i < N; i++) out.write(await speakeasyLine(options.issuer, options.accountName));
    });
  await ours(); // warm-up: JIT, module initialisation
  await theirs();
  const samples = { ours: [] as number[], theirs: [] as number[] };
  // Interleaved rounds, so that a burst of load on the machine hits both sides alike.
  for (let round = 0; round < 3; round++) {
    samples.ours.push(await ours());
    samples.theirs.push(await theirs());
  }
  return { ours: median(samples.ours), theirs: median(samples.theirs) };
}

/** Runs a command with stdout to /dev/null-like sink, resolving with enrollments per second (lines counted). */
async function endToEndRate(args: string[], expected: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let lines = 0;
  child.stdout.on('data', (data: Buffer) => {
    for (const byte of data) if (byte === 10) lines++;
  });
  const [code] = await once(child, 'close');
  if (code !== 0 || lines !== expected) throw new Error(`${args.join(' ')}: exit ${code}, ${lines} lines`);
  return lines / ((performance.now() - started) / 1000);
}

const SPEAKEASY_BATCH = `
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
const count = Number(process.argv[1]);
for (let i = 0; i < count; i++) {
  const { base32 } = speakeasy.generateSecret({ length: 20 });
  const uri = speakeasy.otpauthURL({ secret: base32, encoding: 'base32', label: 'MyApp:user@example.com', issuer: 'MyApp', digits: 6, period: 30, algorithm: 'sha1' });
  const current_code = speakeasy.totp({ secret: base32, encoding: 'base32' });
  const qr_code = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' });
  if (!process.stdout.write(JSON.stringify({ secret: base32, uri, qr_code, current_code }) + '\\n')) await new Promise((r) => process.stdout.once('drain', r));
}`;

const END_TO_END_COUNT = 1500;

/** `jobs` = worker threads of the CLI; the baseline script is single-threaded, as that stack is. */
async function endToEnd(jobs: number): Promise<{ ours: number; theirs: number }> {
  const N = END_TO_END_COUNT;
  const ours = await endToEndRate([CLI, '--count', String(N), '--issuer', 'MyApp', '--account-name', 'user@example.com', '--jobs', String(jobs)], N);
  const theirs = await endToEndRate(['--input-type=module', '-e', SPEAKEASY_BATCH, String(N)], N);
  return { ours, theirs };
}

/** Microseconds per call of the parts of one enrollment, to show where the time goes. */
async function breakdown(): Promise<string> {
  const N = 200;
  const enrollment = createEnrollment({ issuer: 'MyApp', accountName: 'user@example.com' });
  const time = async (job: () => unknown) => {
    const started = performance.now();
    for (let i = 0; i < N; i++) await job();
    return ((performance.now() - started) / N) * 1000;
  };
  const parts: [string, number][] = [
    ['QR matrix (qrcode-generator, 8 masks scored)', await time(() => qrMatrix(enrollment.uri))],
    ['code (WebCrypto HMAC via otplib)', await time(() => generateCode(enrollment.codeOptions))],
    ['PNG with zlib deflateSync (what the CLI uses)', await time(() => qrPng(enrollment.qr, { deflate: (data) => deflateSync(data) }))],
    ['PNG with CompressionStream (the core default)', await time(() => qrPng(enrollment.qr))],
    ['speakeasy + qrcode: QRCode.toDataURL alone', await time(() => QRCode.toDataURL(enrollment.uri, { errorCorrectionLevel: 'M' }))],
  ];
  return parts.map(([label, us]) => `  ${label.padEnd(48)} ${us.toFixed(0).padStart(6)} µs`).join('\n');
}

/** Starts a server process that prints its URL as the first stdout line. */
async function startServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, url };
}

/** `total` GET requests, `concurrency` at a time on keep-alive connections; requests per second. */
async function load(url: string, total: number, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL('/v1/auth/totp-generate?issuer=MyApp&account_name=user@example.com&digits=6&period=30', url);
  const get = () =>
    new Promise<void>((resolve, reject) => {
      request(target, { agent }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
        response.resume().on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent++;
        await get();
      }
    }),
  );
  agent.destroy();
  return total / ((performance.now() - started) / 1000);
}

async function endpoint(): Promise<{ ours: number; theirs: number }> {
  const REQUESTS = 1000;
  const CONCURRENCY = 8;
  const results: number[] = [];
  for (const args of [[CLI, 'serve', '--port', '0'], ['--input-type=module', '-e', SPEAKEASY_SERVER]]) {
    const { child, url } = await startServer(args);
    try {
      await load(url, 100, CONCURRENCY); // warm-up
      results.push(await load(url, REQUESTS, CONCURRENCY));
    } finally {
      child.kill('SIGTERM');
      await once(child, 'close');
    }
  }
  return { ours: results[0]!, theirs: results[1]! };
}

function line(label: string, { ours, theirs }: { ours: number; theirs: number }): string {
  return `${label.padEnd(44)} ours ${rate(ours)}   speakeasy+qrcode ${rate(theirs)}   ratio ${(ours / theirs).toFixed(2)}×`;
}

const cpus = availableParallelism();
const jobs = Math.min(cpus, 8);
const parts = await breakdown();
const batch = await inProcess();
const cliOneThread = await endToEnd(1);
const cli = await endToEnd(jobs);
const http = await endpoint();
console.log(`\nCLI benchmark on ${cpus} CPUs, load average ${loadavg()[0]!.toFixed(1)} (higher is better; ratio = ours / speakeasy+qrcode; goal ≥ 1.5× for batch)`);
console.log(line('batch, in process, per CPU second', batch));
console.log(line(`batch, CLI --count ${END_TO_END_COUNT} --jobs 1 (enrollments)`, cliOneThread));
console.log(line(`batch, CLI --count ${END_TO_END_COUNT} (--jobs ${jobs}, default)`, cli));
console.log(line('endpoint, 127.0.0.1, 8 at a time (requests)', http));
console.log(`Where one enrollment's time goes (µs per call, this process):\n${parts}`);
