/**
 * Batch mode on every core: worker threads make the enrollments, the main thread writes them in order.
 *
 * Why: an enrollment's cost is all CPU on one thread — drawing the QR symbol (all eight mask patterns scored), the
 * PNG, the code's HMAC and the JSON. Worker threads are the way to use the other cores.
 *
 * Memory stays flat as in the one-thread path: the items go out in small chunks, at most two chunks per worker are
 * in flight, and the main thread waits for the output to drain before it sends more.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import { makeLine, type BatchItem } from './batch.js';
import { CliError, EXIT_FAILURE } from './errors.js';
import { ChunkedWriter } from './output.js';

/** `workerData.role` of a batch worker, so the CLI's one file can tell it is one. */
export const BATCH_WORKER_ROLE = 'totp-enroll-batch-worker';

/** Items per message: large enough that messaging costs nothing, small enough to keep the output flowing. */
const CHUNK_ITEMS = 16;
const CHUNKS_IN_FLIGHT_PER_WORKER = 2;

interface ChunkRequest {
  id: number;
  items: BatchItem[];
  /** A fixed time (`--at`), or undefined for "now" at each enrollment. */
  timestamp: number | undefined;
}

interface ChunkResult {
  id: number;
  /** The lines made, in order; up to the failing item when `error` is set. */
  text: string;
  lines: number;
  error?: { message: string; exitCode: number };
}

/** The worker's side: make the lines of each chunk it is sent, and send them back. */
export function serveBatchChunks(port: MessagePort): void {
  port.on('message', async ({ id, items, timestamp }: ChunkRequest) => {
    const results = await Promise.allSettled(items.map((item) => makeLine(item, timestamp ?? Date.now())));
    let text = '';
    let lines = 0;
    for (const result of results) {
      if (result.status === 'rejected') {
        const error = result.reason as unknown;
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ id, text, lines, error: { message, exitCode: error instanceof CliError ? error.exitCode : EXIT_FAILURE } } satisfies ChunkResult);
        return;
      }
      text += result.value;
      lines++;
    }
    port.postMessage({ id, text, lines } satisfies ChunkResult);
  });
}

/**
 * Like {@link writeBatch}, with `workers` threads started from `workerUrl` (the CLI's own file, which serves chunks
 * when it finds itself in a worker with {@link BATCH_WORKER_ROLE}).
 */
export async function writeBatchInWorkers(
  items: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  output: Writable,
  { workers: count, workerUrl, timestamp }: { workers: number; workerUrl: URL; timestamp: number | undefined },
): Promise<number> {
  const waiting = new Map<number, { resolve: (result: ChunkResult) => void; reject: (error: Error) => void }>();
  // Once a worker is gone, every chunk still expected from any worker fails, and no more are sent: a chunk that
  // never comes back would otherwise leave the batch waiting, and Node would exit with the output cut short.
  let failure: Error | undefined;
  let stopping = false;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(workerUrl, { workerData: { role: BATCH_WORKER_ROLE } });
    worker.on('message', (result: ChunkResult) => {
      waiting.get(result.id)?.resolve(result);
      waiting.delete(result.id);
    });
    worker.on('error', (error) => failAll(new CliError(`a batch worker failed: ${error.message}`, EXIT_FAILURE)));
    worker.on('exit', (code) => {
      if (!stopping) failAll(new CliError(`a batch worker stopped unexpectedly (exit status ${code})`, EXIT_FAILURE));
    });
    return worker;
  });

  const writer = new ChunkedWriter(output);
  const queue: Promise<ChunkResult>[] = [];
  let chunk: BatchItem[] = [];
  let nextId = 0;
  let written = 0;

  const send = () => {
    if (failure) throw failure;
    const id = nextId++;
    const result = new Promise<ChunkResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
    result.catch(() => undefined); // handled in order by writeOldest
    queue.push(result);
    workers[id % count]!.postMessage({ id, items: chunk, timestamp } satisfies ChunkRequest);
    chunk = [];
  };
  const writeOldest = async () => {
    const result = await queue.shift()!;
    await writer.write(result.text);
    written += result.lines;
    if (result.error) throw new CliError(result.error.message, result.error.exitCode);
  };

  try {
    for await (const item of items) {
      chunk.push(item);
      if (chunk.length < CHUNK_ITEMS) continue;
      send();
      if (queue.length >= count * CHUNKS_IN_FLIGHT_PER_WORKER) await writeOldest();
    }
    if (chunk.length > 0) send();
    while (queue.length > 0) await writeOldest();
  } finally {
    stopping = true;
    await writer.flush();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return written;
}
