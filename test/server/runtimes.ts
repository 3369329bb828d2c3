// The endpoint on each runtime it runs on, as a real process on a free loopback port: Node (`totp-enroll serve`, the
// built CLI), Deno (`deno serve dist/server.js`), Cloudflare's workerd (deploy/workerd/config.capnp, the same file the
// docs show) and Bun. Every binary comes from node_modules (npm dev dependencies); nothing is downloaded.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../cli/cli-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules/.bin');

export const RUNTIMES = ['node', 'deno', 'workerd', 'bun'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export interface RunningEndpoint {
  runtime: RuntimeName;
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Everything the process wrote on stdout and stderr so far. */
  log: () => string;
  /** SIGTERM, then waits for the exit; resolves with the exit code (or the signal's name). */
  stop: () => Promise<number | string | null>;
}

export interface StartOptions {
  /** TOTP_ENROLL_API_KEY, TOTP_ENROLL_CORS, TOTP_ENROLL_PUBLIC… (Node's serve takes the key from the same variable). */
  env?: Record<string, string>;
  /** Extra `totp-enroll serve` flags (Node only). */
  nodeArgs?: string[];
}

let serverDir: string | undefined;

/**
 * dist/server.js and deploy/workerd/config.capnp, rebuilt when older than their sources, copied side by side into a
 * private directory (the config embeds ../../dist/server.js): a concurrent `npm run build` empties dist/.
 */
export function builtServer(): { script: string; workerdConfig: string } {
  if (!serverDir) {
    const built = join(ROOT, 'dist/server.js');
    const sources = ['src/server', 'src/core'].flatMap((dir) => (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).map((name) => join(ROOT, dir, name)));
    sources.push(join(ROOT, 'scripts/build-server.mjs'), join(ROOT, 'package.json'));
    if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map((file) => statSync(file).mtimeMs))) {
      execFileSync('node', ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
    serverDir = mkdtempSync(join(tmpdir(), 'totp-enroll-server-'));
    mkdirSync(join(serverDir, 'dist'));
    mkdirSync(join(serverDir, 'deploy/workerd'), { recursive: true });
    copyFileSync(built, join(serverDir, 'dist/server.js'));
    copyFileSync(join(ROOT, 'deploy/workerd/config.capnp'), join(serverDir, 'deploy/workerd/config.capnp'));
  }
  return { script: join(serverDir, 'dist/server.js'), workerdConfig: join(serverDir, 'deploy/workerd/config.capnp') };
}

/** A port nobody listens on right now (workerd cannot report the port it picked for :0). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Bun serves a module worker on all interfaces by default; this keeps it on loopback and prints the URL. */
const BUN_LAUNCHER = `
const worker = (await import(process.argv[1])).default;
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request) => worker.fetch(request) });
console.log('bun: listening on ' + server.url.href);
process.on('SIGTERM', async () => { await server.stop(); process.exit(0); });
`;

export async function startEndpoint(runtime: RuntimeName, { env = {}, nodeArgs = [] }: StartOptions = {}): Promise<RunningEndpoint> {
  const { script, workerdConfig } = runtime === 'node' ? { script: '', workerdConfig: '' } : builtServer();
  const environment = { ...process.env, TOTP_ENROLL_API_KEY: '', TOTP_ENROLL_CORS: '', TOTP_ENROLL_PUBLIC: '', ...env };
  let command: string;
  let args: string[];
  let url: string | undefined;
  switch (runtime) {
    case 'node':
      command = process.execPath;
      args = [builtCli(), 'serve', '--port', '0', ...nodeArgs];
      break;
    case 'deno':
      command = join(BIN, 'deno');
      args = ['serve', '--host', '127.0.0.1', '--port', '0', '--allow-env=TOTP_ENROLL_API_KEY,TOTP_ENROLL_CORS,TOTP_ENROLL_PUBLIC', '--no-prompt', script];
      break;
    case 'workerd': {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      command = join(BIN, 'workerd');
      args = ['serve', workerdConfig, '--socket-addr', `http=127.0.0.1:${port}`, '--verbose'];
      break;
    }
    case 'bun':
      command = join(BIN, 'bun');
      args = ['-e', BUN_LAUNCHER, script];
      break;
  }
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: environment });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (data: string) => (log += data));
  child.stderr!.setEncoding('utf8').on('data', (data: string) => (log += data));
  const exited = once(child, 'exit');
  url ??= await waitFor(() => /(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1], exited, () => log);
  await waitUntilAnswering(url, exited, () => log);
  return {
    runtime,
    child,
    url,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
      child.kill('SIGTERM');
      const [code, signal] = (await exited) as [number | null, string | null];
      return code ?? signal;
    },
  };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, exited: Promise<unknown>, log: () => string): Promise<T> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    if (gone) throw new Error(`the endpoint exited before answering:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the endpoint did not answer within 30 s:\n${log()}`);
}

/** Polls until the port answers (workerd prints nothing when ready); the probe is one 404 line in the log. */
async function waitUntilAnswering(url: string, exited: Promise<unknown>, log: () => string): Promise<void> {
  await waitFor(() => fetch(`${url}/ready-probe`).then(() => true, () => undefined), exited, log);
}
