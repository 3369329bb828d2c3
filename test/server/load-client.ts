// A keep-alive HTTP load client for the endpoint: `concurrency` connections, each sending its next GET as soon as the
// last one is answered, until `total` requests are done (or `seconds` have passed). It keeps what the checks need —
// every status, secret, code and account name served, each latency — and does as little else as it can, because it
// shares the machine's CPUs with the server it measures.
import { Agent, request } from 'node:http';

export interface LoadOptions {
  /** Stop after this many requests… */
  total?: number;
  /** …or after this many seconds, whichever comes first. */
  seconds?: number;
  concurrency: number;
  /** The query for request number `index`; default the curl example's with a distinct account name. */
  query?: (index: number) => string;
  headers?: Record<string, string>;
  /** Checked before each request: true stops the load (e.g. once the server has exited). */
  stop?: () => boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Transport errors and non-200 answers, as text. */
  errors: string[];
  secrets: string[];
  codes: string[];
  accountNames: string[];
  /** Milliseconds from sending to the last byte of the answer, in completion order. */
  latencies: number[];
}

export const loadQuery = (index: number) => `issuer=LoadTest&account_name=load-${index}%40example.com&digits=6&period=30`;

/** Runs the load; resolves with its result when done. */
export function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  return startLoad(url, options).done;
}

/** Starts the load: `live` fills in as answers come, `done` resolves when the load is over. */
export function startLoad(url: string, options: LoadOptions): { live: LoadResult; done: Promise<LoadResult> } {
  const live: LoadResult = { requests: 0, seconds: 0, errors: [], secrets: [], codes: [], accountNames: [], latencies: [] };
  return { live, done: load(url, options, live) };
}

async function load(url: string, { total = Infinity, seconds = Infinity, concurrency, query = loadQuery, headers = {}, stop = () => false }: LoadOptions, result: LoadResult): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const { hostname, port } = new URL(url);
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const path = `/v1/auth/totp-generate?${query(index)}`;
      request({ hostname, port, path, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          result.latencies.push(performance.now() - sent);
          result.requests++;
          if (response.statusCode !== 200) {
            result.errors.push(`#${index}: status ${response.statusCode}`);
          } else {
            const { secret, current_code } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { secret: string; current_code: string };
            result.secrets.push(secret);
            result.codes.push(current_code);
            result.accountNames.push(decodeURIComponent(/account_name=([^&]*)/.exec(path)?.[1] ?? ''));
          }
          resolve();
        });
        response.on('error', (error) => {
          result.errors.push(`#${index}: ${error.message}`);
          resolve();
        });
      })
        .on('error', (error: NodeJS.ErrnoException) => {
          result.requests++;
          result.errors.push(`#${index}: ${error.code ?? error.message}`);
          resolve();
        })
        .end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && performance.now() < deadline && !stop()) await one(next++);
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

/** The value below which `fraction` of the sorted values lie. */
export function percentile(values: number[], fraction: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

export function summary({ requests, seconds, errors, latencies }: LoadResult): string {
  return `${requests} requests in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} req/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, ${errors.length} errors`;
}
