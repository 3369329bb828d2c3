/**
 * The `totp-enroll` command: parses the command line, runs one command, and turns every failure into one line on
 * stderr and a non-zero exit status — with nothing on stdout, so that scripts never read half an answer.
 *
 * stdin is read only by `--accounts -`.
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Readable } from 'node:stream';
import { createEnrollment, TotpParameterError } from '../core/index.js';
import { integerFlag, parseCommandLine, stringFlag, timeFlag, type Values } from './args.js';
import { accountItems, accountsReadError, repeatedItems, writeBatch, type BatchItem } from './batch.js';
import { BATCH_WORKER_ROLE, serveBatchChunks, writeBatchInWorkers } from './batch-workers.js';
import { runCode, runVerify } from './code.js';
import { enrollmentFlags, recoveryCodesFlag, runEnroll, warnAboutSettings } from './enroll.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE, invalidFlag, parameterErrorToCli } from './errors.js';
import { HELP } from './help.js';
import { ENV, readSettings } from '../server/environment.js';
import { checkEndpointSettings } from '../server/settings-check.js';
import { API_KEY_ENV, DEFAULT_HOST, DEFAULT_PORT, HEADERS_TIMEOUT_MAX, isLoopback, ROUTE, startServer, stopServer, TIMEOUTS } from './serve.js';

declare const __TOTP_ENROLL_VERSION__: string | undefined;
const VERSION = typeof __TOTP_ENROLL_VERSION__ === 'string' ? __TOTP_ENROLL_VERSION__ : 'development';

/** The largest `--count`: far beyond any real batch, small enough to be a typo guard. */
const COUNT_MAX = 100_000_000;
const JOBS_MAX = 64;
/** Below this many enrollments, starting worker threads costs more than it saves. */
const WORKERS_FROM_COUNT = 64;

async function main(argv: readonly string[]): Promise<number> {
  const { command, values } = parseCommandLine(argv);
  if (values.help === true) {
    process.stdout.write(HELP[command]);
    return 0;
  }
  if (values.version === true) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'enroll':
      return values.count !== undefined || values.accounts !== undefined ? runBatch(values) : (await runEnroll(values, process), 0);
    case 'code':
      return (await runCode(values, process.stdout), 0);
    case 'verify':
      return runVerify(values, process.stdout);
    case 'serve':
      return runServe(values);
  }
}

async function runBatch(values: Values): Promise<number> {
  for (const flag of ['qr', 'png', 'svg', 'secret'] as const) {
    if (values[flag] !== undefined) {
      const why = flag === 'secret' ? 'every enrollment of a batch gets its own new secret' : 'it shows a single enrollment';
      throw new CliError(`--${flag} cannot be combined with --count or --accounts: ${why}`);
    }
  }
  const accounts = stringFlag(values, 'accounts');
  if (accounts !== undefined && values.count !== undefined) throw new CliError('--count and --accounts cannot be combined: --accounts makes one enrollment per line');
  if (accounts !== undefined && values['account-name'] !== undefined) throw new CliError('--account-name and --accounts cannot be combined: --accounts gives the account names, one a line');
  const fixedTime = values.at === undefined ? undefined : timeFlag(values);
  const parameters = enrollmentFlags(values);
  const recoveryCodes = recoveryCodesFlag(values);
  const jobs = integerFlag(values, 'jobs', 1, JOBS_MAX, Math.min(availableParallelism(), 8));
  // An explicit --jobs is obeyed; by default small batches stay on this thread.
  const write = (items: Iterable<BatchItem> | AsyncIterable<BatchItem>, worthWorkers: boolean) =>
    (worthWorkers || values.jobs !== undefined) && jobs > 1
      ? writeBatchInWorkers(items, process.stdout, { workers: jobs, workerUrl: new URL(import.meta.url), timestamp: fixedTime })
      : writeBatch(items, process.stdout, fixedTime === undefined ? Date.now : () => fixedTime);

  // Check the shared parameters once, before any output: a wrong --digits fails with nothing written.
  const sample = createEnrollment({ ...parameters, accountName: accounts === undefined ? parameters.accountName : 'sample' });
  warnAboutSettings(sample, process.stderr);

  if (accounts === undefined) {
    const count = integerFlag(values, 'count', 1, COUNT_MAX, 1);
    await write(repeatedItems(parameters, count, recoveryCodes), count >= WORKERS_FROM_COUNT);
    return 0;
  }
  if (accounts === '') throw invalidFlag('--accounts', accounts, 'a file name, or "-" for stdin');
  let input: Readable;
  const source = accounts === '-' ? 'stdin' : JSON.stringify(accounts);
  if (accounts === '-') {
    input = process.stdin;
  } else {
    // Opened first, so that a missing file is reported as such before anything is written.
    try {
      input = (await open(accounts)).createReadStream({ encoding: 'utf8' });
    } catch (error) {
      throw accountsReadError(error as NodeJS.ErrnoException, source);
    }
  }
  const { issuer, digits, period, algorithm } = parameters;
  await write(accountItems(input, { issuer, digits, period, algorithm }, source, recoveryCodes), true);
  return 0;
}

async function runServe(values: Values): Promise<number> {
  const port = integerFlag(values, 'port', 0, 65_535, DEFAULT_PORT);
  const host = stringFlag(values, 'host') ?? DEFAULT_HOST;
  if (host === '') throw invalidFlag('--host', host, `an address to listen on, e.g. ${DEFAULT_HOST}`);
  const flagKey = stringFlag(values, 'api-key');
  if (flagKey === '') throw invalidFlag('--api-key', flagKey, 'a non-empty key');
  // The same variables the module worker reads on Deno and workerd; the flags win.
  const environment = readSettings(undefined);
  const apiKey = flagKey ?? environment.apiKey;
  const corsFlag = stringFlag(values, 'cors');
  if (corsFlag === '') throw invalidFlag('--cors', corsFlag, 'an origin such as https://admin.example.com, or *');
  const cors = corsFlag ?? environment.cors;
  // Settings that could never work are refused now, with the flag or variable named, not at the first request.
  try {
    checkEndpointSettings({ apiKey, cors });
  } catch (error) {
    if (!(error instanceof TotpParameterError)) throw error;
    const name = error.field === 'cors' ? (corsFlag !== undefined ? '--cors' : ENV.cors) : flagKey !== undefined ? '--api-key' : ENV.apiKey;
    throw new CliError(`${name}: ${error.problem}; expected ${error.allowed}`);
  }
  const headersSeconds = integerFlag(values, 'headers-timeout', 1, HEADERS_TIMEOUT_MAX, TIMEOUTS.headersMilliseconds / 1000);
  // Reachable from other machines with no key, anyone could mint enrollments: that has to be asked for by name.
  if (!isLoopback(host) && !apiKey && values.public !== true && !environment.public) {
    throw new CliError(`--host: ${host} can be reached from other machines; set ${API_KEY_ENV} (or --api-key), or pass --public (${ENV.public}=1) to serve without a key`);
  }

  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(port, host, { apiKey, cors, log: (line) => process.stderr.write(`${line}\n`) }, { ...TIMEOUTS, headersMilliseconds: headersSeconds * 1000 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const flag = code === 'EADDRINUSE' || code === 'EACCES' ? '--port' : '--host';
    throw new CliError(`${flag}: cannot listen on ${host}:${port}: ${code ?? (error as Error).message}`, EXIT_FAILURE);
  }
  const { server, url } = started;
  // The URL alone on stdout, for scripts (`--port 0` picks a free port); the rest is for people, on stderr.
  process.stdout.write(`${url}\n`);
  process.stderr.write(`totp-enroll ${VERSION}: serving GET ${url}${ROUTE}${apiKey ? ' (API key required)' : ''}; Ctrl-C stops\n`);
  if (!isLoopback(host) && !apiKey) {
    process.stderr.write(`warning: --public: listening on ${host} without an API key: anyone who can reach this port can mint enrollments\n`);
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  process.stderr.write(`${signal}: finishing requests in progress, then stopping\n`);
  // A second signal means "now".
  const force = () => process.exit(EXIT_FAILURE);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  await stopServer(server);
  process.stderr.write('stopped\n');
  return 0;
}

function report(error: unknown): number {
  if (error instanceof TotpParameterError) error = parameterErrorToCli(error);
  if (error instanceof CliError) {
    process.stderr.write(`totp-enroll: ${error.message}\n`);
    if (error.exitCode === EXIT_USAGE) process.stderr.write('Run "totp-enroll --help" for usage.\n');
    return error.exitCode;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // The reader of stdout went away (`| head`): stop quietly, with the status a shell gives a program killed by SIGPIPE.
  if (code === 'EPIPE') return 141;
  process.stderr.write(`totp-enroll: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_FAILURE;
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === BATCH_WORKER_ROLE) {
  // This same file, started as a batch worker by writeBatchInWorkers.
  serveBatchChunks(parentPort!);
} else {
  // A closed stdout surfaces as an 'error' event on the stream, not always as a rejected write.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.exitCode = report(error);
    process.exit();
  });

  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.exitCode = report(error);
    },
  );
}
