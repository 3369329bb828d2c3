// `npm run bench` → the endpoint (src/server, one fetch handler) on each runtime it runs on, against the classic Node
// stack: a node:http server on speakeasy (secret, URI, code) + qrcode (PNG), measured in the same run, on 127.0.0.1.
//
// 1. Every runtime, 64 keep-alive connections, a fixed number of requests: requests/s, p50 and p99 latency.
// 2. Issue 9's endpoint figure: 16 keep-alive clients for 10 s, `totp-enroll serve` (Node) against speakeasy + qrcode,
//    alternated; 0 errors, every secret of the run distinct, goal ≥ 5×.
//
// The load client (test/server/load-client.ts) runs in this process and shares the CPUs with the server it measures,
// so absolute numbers are lower than a separate load machine would show; both sides pay the same.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { percentile, runLoad, type LoadResult } from '../test/server/load-client.js';
import { RUNTIMES, startEndpoint, type RuntimeName } from '../test/server/runtimes.js';
import { SPEAKEASY_SERVER } from './speakeasy-server.js';

type Side = RuntimeName | 'speakeasy+qrcode';

interface Running {
  url: string;
  stop: () => Promise<unknown>;
}

async function start(side: Side): Promise<Running> {
  if (side !== 'speakeasy+qrcode') {
    // Logs go to a pipe the harness reads, as they would go to a journal: their cost is part of the figure.
    const endpoint = await startEndpoint(side, { env: { TOTP_ENROLL_PUBLIC: '1' } });
    return { url: endpoint.url, stop: endpoint.stop };
  }
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', SPEAKEASY_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'close');
    },
  };
}

async function measure(side: Side, load: { total?: number; seconds?: number; concurrency: number }): Promise<LoadResult> {
  const server = await start(side);
  try {
    await runLoad(server.url, { total: 300, concurrency: load.concurrency }); // warm-up: JIT, connections
    const result = await runLoad(server.url, load);
    if (result.errors.length > 0) throw new Error(`${side}: ${result.errors.length} errors, e.g. ${result.errors[0]}`);
    if (new Set(result.secrets).size !== result.secrets.length) throw new Error(`${side}: a secret was served twice`);
    return result;
  } finally {
    await server.stop();
  }
}

const rate = (result: LoadResult) => result.requests / result.seconds;
const row = (label: string, result: LoadResult, baseline?: LoadResult) =>
  `  ${label.padEnd(18)} ${rate(result).toFixed(0).padStart(6)} req/s   p50 ${percentile(result.latencies, 0.5).toFixed(1).padStart(6)} ms   p99 ${percentile(result.latencies, 0.99).toFixed(1).padStart(6)} ms` +
  `   ${result.requests} requests, 0 errors, all secrets distinct${baseline ? `   ${(rate(result) / rate(baseline)).toFixed(2)}× speakeasy+qrcode` : ''}`;

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const runtimes = RUNTIMES.filter((runtime) => only.length === 0 || only.includes(runtime));

// 1. Every runtime against the classic stack, 64 connections.
const REQUESTS = 5_000;
const wide = { total: REQUESTS, concurrency: 64 };
const baseline = await measure('speakeasy+qrcode', { ...wide, total: 1_500 });
const results = new Map<Side, LoadResult>();
for (const runtime of runtimes) results.set(runtime, await measure(runtime, wide));

// 2. Issue 9's figure: 16 keep-alive clients, 10 s each, Node against speakeasy + qrcode, alternated twice.
const narrow = { seconds: 10, concurrency: 16 };
const rounds: { ours: LoadResult; theirs: LoadResult }[] = [];
for (let round = 0; round < 2; round++) rounds.push({ ours: await measure('node', narrow), theirs: await measure('speakeasy+qrcode', narrow) });
const best = (pick: (round: (typeof rounds)[number]) => LoadResult) => rounds.map(pick).sort((a, b) => rate(b) - rate(a))[0]!;

console.log(`\nEndpoint benchmark on ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} (client and server share the CPUs; higher req/s is better)`);
console.log(`64 keep-alive connections, ${REQUESTS} requests per runtime (speakeasy+qrcode: 1,500):`);
console.log(row('speakeasy+qrcode', baseline));
for (const [side, result] of results) console.log(row(side, result, baseline));
console.log('16 keep-alive clients, 10 s, totp-enroll serve (Node) against speakeasy+qrcode, alternated, better of 2 (goal ≥ 5×):');
console.log(row('speakeasy+qrcode', best((round) => round.theirs)));
console.log(row('node', best((round) => round.ours), best((round) => round.theirs)));
