// `npm run bench` → the CLI's batch throughput and the endpoint's requests per second, each as a ratio against
// the classic Node stack (speakeasy for secrets and codes, qrcode for the PNG), measured in the same run.
//
// 1. In one process, one thread: the CLI's own batch pipeline (src/cli/batch.ts) against the same job done with
//    speakeasy + qrcode: enrollments per second, each a complete hosted-API JSON line with its PNG.
// 2. End to end, as a user runs it: `node dist/cli.js --count N > /dev/null` against a script doing the same with
//    speakeasy + qrcode, process start-up included.
// 3. The endpoint on 127.0.0.1: `totp-enroll serve` against the same route served by speakeasy + qrcode on
//    node:http, a bounded number of keep-alive requests, a few at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
import { repeatedItems, writeBatch } from '../src/cli/batch.js';

const CLI = 'dist/cli.js';
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);

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

async function perSecond(count: number, job: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await job();
  return count / ((performance.now() - started) / 1000);
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

async function endToEnd(): Promise<{ ours: number; theirs: number }> {
  const N = 1500;
  const ours = await endToEndRate([CLI, '--count', String(N), '--issuer', 'MyApp', '--account-name', 'user@example.com'], N);
  const theirs = await endToEndRate(['--input-type=module', '-e', SPEAKEASY_BATCH, String(N)], N);
  return { ours, theirs };
}

const SPEAKEASY_SERVER = `
import { createServer } from 'node:http';
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/v1/auth/totp-generate') { res.writeHead(404).end(); return; }
  const issuer = url.searchParams.get('issuer') ?? '', account = url.searchParams.get('account_name');
  const { base32 } = speakeasy.generateSecret({ length: 20 });
  const uri = speakeasy.otpauthURL({ secret: base32, encoding: 'base32', label: issuer + ':' + account, issuer, digits: 6, period: 30, algorithm: 'sha1' });
  const body = JSON.stringify({ secret: base32, uri, qr_code: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M' }), current_code: speakeasy.totp({ secret: base32, encoding: 'base32' }) });
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`;

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

const batch = await inProcess();
const cli = await endToEnd();
const http = await endpoint();
console.log('\nCLI benchmark (higher is better; ratio = ours / speakeasy+qrcode, goal ≥ 1.5× for batch)');
console.log(line('batch, in process, one thread (enrollments)', batch));
console.log(line('batch, end to end: --count 1500 (enrollments)', cli));
console.log(line('endpoint, 127.0.0.1, 8 at a time (requests)', http));
