/**
 * Batch provisioning: `--count N` (N fresh secrets, same parameters) and `--accounts FILE` (one enrollment per
 * account name listed), written as NDJSON — one hosted-API JSON object a line — as they are made.
 *
 * Memory stays flat for any N: nothing is collected; at most `IN_FLIGHT` enrollments are being made at a time, and
 * writing waits for the output to drain. Order is kept, so line k of the output belongs to line k of the input.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createEnrollment, TotpParameterError, toHostedApiResult, type EnrollmentOptions } from '../core/index.js';
import { CliError, EXIT_FAILURE, parameterErrorToCli } from './errors.js';
import { deflate, hmac } from './enroll.js';
import { ChunkedWriter } from './output.js';

/**
 * Enrollments being made at once. Every step is synchronous here (node:crypto's HMAC, zlib's deflate), so this only
 * bounds how many finished lines wait for their turn to be written; more would only hold more memory.
 */
const IN_FLIGHT = 8;

/** One input of a batch: the parameters, and where they came from for error messages. */
export interface BatchItem {
  options: EnrollmentOptions;
  /** e.g. `--accounts line 7: `; empty for `--count`. */
  context: string;
  /** `--recovery-codes N`: N recovery codes in the line's JSON; none when undefined. */
  recoveryCodes?: number | undefined;
}

/** `count` times the same parameters. A generator: a million items are never in memory at once. */
export function* repeatedItems(options: EnrollmentOptions, count: number, recoveryCodes?: number): Generator<BatchItem> {
  for (let i = 0; i < count; i++) yield { options, context: '', recoveryCodes };
}

/** One item per non-empty line of `input` (surrounding spaces and a CR are dropped), read as the batch goes. */
export async function* accountItems(
  input: Readable,
  options: Omit<EnrollmentOptions, 'accountName'>,
  source: string,
  recoveryCodes?: number,
): AsyncGenerator<BatchItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const accountName = line.trim();
    if (accountName !== '') yield { options: { ...options, accountName }, context: `--accounts ${source} line ${lineNumber}: `, recoveryCodes };
  }
}

/**
 * Makes and writes one NDJSON line per item, in order.
 *
 * @returns how many lines were written.
 * @throws {CliError} at the first invalid item (naming its line for `--accounts`); lines before it stay written.
 */
export async function writeBatch(items: Iterable<BatchItem> | AsyncIterable<BatchItem>, output: Writable, timestamp: () => number = Date.now): Promise<number> {
  const writer = new ChunkedWriter(output);
  const pending: Promise<string>[] = [];
  let written = 0;
  const writeOldest = async () => {
    await writer.write(await pending.shift()!);
    written++;
  };
  try {
    for await (const item of items) {
      const line = makeLine(item, timestamp());
      // Marked as handled now; the error surfaces, in order, when its turn to be written comes.
      line.catch(() => undefined);
      pending.push(line);
      if (pending.length >= IN_FLIGHT) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    // Whatever was made before a failure is still delivered, so the caller knows exactly which lines exist.
    await writer.flush();
  }
  return written;
}

/** One NDJSON line: the hosted-API JSON of a new enrollment (with its own recovery codes). Shared with the batch workers. */
export async function makeLine({ options, context, recoveryCodes }: BatchItem, timestamp: number): Promise<string> {
  try {
    const enrollment = createEnrollment(options);
    return `${JSON.stringify(await toHostedApiResult(enrollment, { timestamp, deflate, hmac, recoveryCodes }))}\n`;
  } catch (error) {
    if (error instanceof TotpParameterError) throw parameterErrorToCli(error, context);
    throw error;
  }
}

/** A file that cannot be read, as a CLI error naming `--accounts`. */
export function accountsReadError(error: NodeJS.ErrnoException, source: string): CliError {
  return new CliError(`--accounts: cannot read ${source}: ${error.code ?? error.message}`, EXIT_FAILURE);
}
