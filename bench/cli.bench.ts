// `npm run bench` → the CLI's batch throughput against the classic Node stack (speakeasy for secrets and codes,
// qrcode for the PNG), measured in the same run, alternating round by round.
//
// Ours is measured as a user meets it: `node dist/cli.js --count 2000`, the whole process (start-up, worker threads,
// writing 2000 NDJSON lines to a pipe). The baseline gets its best case: the same job in this process, warm (JIT and
// modules ready), no start-up at all. Both are reported per second of wall clock and per second of CPU time (every
// thread; for the CLI, the child process's user + system time from /proc/self/stat, so Linux only). CPU time is the
// fairer figure on this shared machine: other processes' load stretches wall time, not the CPU our work needs.
// Goals (issue 9): wall clock ≥ 10× the baseline; per CPU second ≥ 5×.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import speakeasy from 'speakeasy';
import { createEnrollment, generateCode, qrMatrix, qrPng } from '../src/core/index.js';
import { repeatedItems, writeBatch } from '../src/cli/batch.js';
import { hmac } from '../src/cli/enroll.js';
import { median } from './median.js';

if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run npm run build first (npm run bench does)');
// A private copy of the self-contained bundle: a concurrent `npm run build` empties dist/.
const CLI = join(mkdtempSync(join(tmpdir(), 'totp-enroll-bench-')), 'cli.js');
copyFileSync('dist/cli.js', CLI);

const COUNT = 2000;
const BASELINE_COUNT = 300;
const ROUNDS = 5;
const WALL_GOAL = 10;
const CPU_GOAL = 5;

/** Enrollments per second of wall clock and of CPU time. */
interface Rate {
  wall: number;
  cpu: number;
}

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

/** `count` enrollments made by `job` in this process: wall clock and CPU time (process.cpuUsage, every thread). */
async function inProcess(count: number, job: () => Promise<unknown>): Promise<Rate> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await job();
  const wall = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  return { wall: count / wall, cpu: count / ((user + system) / 1e6) };
}

const options = { issuer: 'MyApp', accountName: 'user@example.com' };
const baseline = () =>
  inProcess(BASELINE_COUNT, async () => {
    const out = sink();
    for (let i = 0; i < BASELINE_COUNT; i++) out.write(await speakeasyLine(options.issuer, options.accountName));
  });
/** Ours in this process too (the CLI's batch pipeline, warm, one thread): the two stacks on equal terms. */
const oursInProcess = () => inProcess(COUNT, () => writeBatch(repeatedItems(options, COUNT), sink()));

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
/** CPU seconds used so far by this process's finished children (Linux: cutime + cstime of /proc/self/stat). */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** `node dist/cli.js --count COUNT …`, the whole process, its stdout a pipe whose lines are counted. */
async function cliProcess(extraArgs: string[] = []): Promise<Rate> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--count', String(COUNT), '--issuer', options.issuer, '--account-name', options.accountName, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lines = 0;
  child.stdout.on('data', (data: Buffer) => {
    for (const byte of data) if (byte === 10) lines++;
  });
  const [code] = await once(child, 'close');
  const wall = (performance.now() - started) / 1000;
  if (code !== 0 || lines !== COUNT) throw new Error(`cli --count ${COUNT}: exit ${code}, ${lines} lines`);
  return { wall: COUNT / wall, cpu: COUNT / (childrenCpuSeconds() - cpuBefore) };
}

/** Microseconds per call of the parts of one enrollment (warm, this process), to show where the time goes. */
async function breakdown(): Promise<[string, number][]> {
  const N = 300;
  const enrollment = createEnrollment(options);
  const time = async (job: () => unknown) => {
    for (let i = 0; i < 200; i++) await job(); // warm: the JIT has optimised the hot paths
    const started = process.cpuUsage();
    for (let i = 0; i < N; i++) await job();
    const { user, system } = process.cpuUsage(started);
    return (user + system) / N;
  };
  return [
    ['createEnrollment: parameters, secret, URI, QR matrix', await time(() => createEnrollment(options))],
    ['  of which the QR matrix (qr, 8 masks scored)', await time(() => qrMatrix(enrollment.uri))],
    ['code, node:crypto HMAC (what the CLI uses)', await time(() => generateCode(enrollment.codeOptions, Date.now(), { hmac }))],
    ['code, WebCrypto HMAC (the core default)', await time(() => generateCode(enrollment.codeOptions))],
    ['PNG, zlib deflateSync (what the CLI uses)', await time(() => qrPng(enrollment.qr, { deflate: (data) => deflateSync(data) }))],
    ['PNG, CompressionStream (the core default)', await time(() => qrPng(enrollment.qr))],
    ['baseline: speakeasy + qrcode, one whole line', await time(() => speakeasyLine(options.issuer, options.accountName))],
    ['baseline: QRCode.toDataURL alone', await time(() => QRCode.toDataURL(enrollment.uri, { errorCorrectionLevel: 'M' }))],
  ];
}

const medianRate = (rates: Rate[]): Rate => ({ wall: median(rates.map((rate) => rate.wall)), cpu: median(rates.map((rate) => rate.cpu)) });

const parts = await breakdown();
// Warm-up: JIT and modules for the in-process jobs; the page cache for the CLI's file.
await baseline();
await oursInProcess();
await cliProcess();
const samples = { baseline: [] as Rate[], cli: [] as Rate[], cliOneThread: [] as Rate[], oursInProcess: [] as Rate[] };
for (let round = 0; round < ROUNDS; round++) {
  samples.baseline.push(await baseline());
  samples.cli.push(await cliProcess());
  samples.cliOneThread.push(await cliProcess(['--jobs', '1']));
  samples.oursInProcess.push(await oursInProcess());
}
const theirs = medianRate(samples.baseline);
const rows: [string, Rate][] = [
  ['baseline: speakeasy + qrcode, in process, warm', theirs],
  [`ours: CLI --count ${COUNT}, whole process (default --jobs)`, medianRate(samples.cli)],
  [`ours: CLI --count ${COUNT} --jobs 1, whole process`, medianRate(samples.cliOneThread)],
  ['ours: the batch pipeline in process, warm, one thread', medianRate(samples.oursInProcess)],
];
const rate = (value: number) => `${value.toFixed(0)}/s`;
console.log(
  `\nCLI batch: enrollments (hosted-API JSON line with its PNG) per second, median of ${ROUNDS} alternating rounds; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
);
const table = [['', 'wall clock', '× baseline', 'per CPU second', '× baseline'], ...rows.map(([label, r]) => [label, rate(r.wall), `${(r.wall / theirs.wall).toFixed(1)}×`, rate(r.cpu), `${(r.cpu / theirs.cpu).toFixed(1)}×`])];
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
for (const row of table) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`);
const cli = medianRate(samples.cli);
console.log(
  `  goals: wall clock ≥ ${WALL_GOAL}×: ${(cli.wall / theirs.wall).toFixed(1)}× (${cli.wall / theirs.wall >= WALL_GOAL ? 'met' : 'MISSED'}); per CPU second ≥ ${CPU_GOAL}×: ${(cli.cpu / theirs.cpu).toFixed(1)}× (${cli.cpu / theirs.cpu >= CPU_GOAL ? 'met' : 'MISSED'})`,
);
console.log(`Where one enrollment's time goes (µs of CPU per call, warm, this process):`);
for (const [label, us] of parts) console.log(`  ${label.padEnd(56)} ${us.toFixed(0).padStart(6)} µs`);
