// Runs the real, built `totp-enroll` (dist/cli.js) as a child process, and the independent oracles the CLI tests
// check it against: otpauth (a second TOTP implementation), oathtool (a third, in C), jsQR via fast-png.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUILT = join(ROOT, 'dist/cli.js');

/** Newest modification time of the files the bundle is made from. */
function newestSource(): number {
  const files = ['scripts/build-cli.mjs', 'package.json'].map((file) => join(ROOT, file));
  for (const dir of ['src/cli', 'src/server', 'src/core']) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) files.push(join(ROOT, dir, name));
  }
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

let cliPath: string | undefined;

/**
 * The path of the built CLI: dist/cli.js, rebuilt with the project's own build script when missing or older than
 * its sources, then copied to a private directory — the bundle is self-contained, and a concurrent `npm run build`
 * (which empties dist/) must not pull it away in the middle of a test run.
 */
export function builtCli(): string {
  if (cliPath) return cliPath;
  if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource()) {
    execFileSync('node', ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-cli-'));
  cliPath = join(dir, 'cli.js');
  copyFileSync(BUILT, cliPath);
  return cliPath;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI to completion. stdin is a pipe that is never written to or closed unless `input` is given — so a
 * CLI that waited on stdin would hang, and the test would time out.
 */
export function runCli(args: string[], { input, env }: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (status) => {
      child.stdin.destroy();
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts the CLI without waiting for it (servers, long batches). */
export function spawnCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [builtCli(), ...args], { stdio: ['pipe', 'pipe', 'pipe'], ...options });
}

/** otpauth's code for a Key URI at `timestamp`: the URI is parsed by otpauth, not by us. */
export function otpauthCodeForUri(uri: string, timestamp: number): string {
  const otp = OTPAuth.URI.parse(uri);
  if (!(otp instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');
  return otp.generate({ timestamp });
}

/** oathtool's code for a Base32 secret at `timestamp` (ms). */
export function oathtoolCode(base32: string, timestamp: number, { digits = 6, period = 30, algorithm = 'SHA1' } = {}): string {
  const when = new Date(Math.floor(timestamp / 1000) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const hash = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' }[algorithm];
  return execFileSync('oathtool', [`--totp=${hash}`, '--base32', `--digits=${digits}`, `--time-step-size=${period}s`, '--now', when, base32], { encoding: 'utf8' }).trim();
}

/** The codes valid at some moment between `before` and `after` (at most two steps' worth, for a fast command). */
export function codesBetween(code: (timestamp: number) => string, before: number, after: number): string[] {
  return [...new Set([code(before), code(after)])];
}
