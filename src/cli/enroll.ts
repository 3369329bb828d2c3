/**
 * `totp-enroll --issuer … --account-name …`: one enrollment, printed as the hosted API's JSON, optionally drawn in
 * the terminal and written as PNG or SVG files.
 */
import { createHmac } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import {
  createEnrollment,
  compatibilityProblems,
  hasCustomSettings,
  qrPng,
  qrSvg,
  RECOVERY_CODE_COUNT_MAX,
  RECOVERY_CODE_COUNT_MIN,
  toHostedApiResult,
  type Deflate,
  type Enrollment,
  type Hmac,
} from '../core/index.js';
import { integerFlag, stringFlag, timeFlag, type Values } from './args.js';
import { CliError, EXIT_FAILURE } from './errors.js';
import { terminalQr } from './terminal-qr.js';

/** zlib's synchronous deflate: several times faster than `CompressionStream` for the small PNGs of QR codes. */
export const deflate: Deflate = (data) => deflateSync(data);

/**
 * node:crypto's HMAC: synchronous, a few microseconds a code, where WebCrypto's key import and sign cost about a
 * tenth of a millisecond in Node — most of an enrollment's time in a batch.
 */
export const hmac: Hmac = (algorithm, key, message) => createHmac(algorithm.toLowerCase(), key).update(message).digest();

/** The enrollment parameters as the flags give them, unchecked: the core checks them and names the field. */
export function enrollmentFlags(values: Values): { issuer?: string; accountName?: string; digits?: string; period?: string; algorithm?: string } {
  return {
    issuer: stringFlag(values, 'issuer'),
    accountName: stringFlag(values, 'account-name'),
    digits: stringFlag(values, 'digits'),
    period: stringFlag(values, 'period'),
    algorithm: stringFlag(values, 'algorithm'),
  };
}

/** `--recovery-codes N`: how many recovery codes to add to each JSON object (1 to 20), or undefined for none. */
export function recoveryCodesFlag(values: Values): number | undefined {
  return values['recovery-codes'] === undefined ? undefined : integerFlag(values, 'recovery-codes', RECOVERY_CODE_COUNT_MIN, RECOVERY_CODE_COUNT_MAX, 0);
}

export interface EnrollStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
}

/** One enrollment: files first, then the JSON, so that a failed write leaves nothing on stdout. */
export async function runEnroll(values: Values, { stdout, stderr }: EnrollStreams): Promise<void> {
  const timestamp = timeFlag(values);
  const recoveryCodes = recoveryCodesFlag(values);
  const enrollment = createEnrollment({ ...enrollmentFlags(values), secret: stringFlag(values, 'secret') });
  const result = await toHostedApiResult(enrollment, { timestamp, deflate, hmac, recoveryCodes });
  warnAboutSettings(enrollment, stderr);

  const png = stringFlag(values, 'png');
  const svg = stringFlag(values, 'svg');
  if (png !== undefined) await writeSecretFile('--png', png, await qrPng(enrollment.qr, { deflate }));
  if (svg !== undefined) await writeSecretFile('--svg', svg, qrSvg(enrollment.qr, { title: qrTitle(enrollment) }));
  if (values.qr === true) {
    // The drawing goes to stderr: stdout stays exactly the JSON, so `--qr | jq` still works and the person at
    // the terminal still sees the code.
    const colour = 'isTTY' in stderr && stderr.isTTY === true && stderr.hasColors();
    stderr.write(`\n${terminalQr(enrollment.qr, { colour })}\nScan with an authenticator app: ${qrTitle(enrollment)}\n\n`);
  }
  stdout.write(`${JSON.stringify(result)}\n`);
}

/** Warnings a person should see before scanning; on stderr, never mixed into the JSON. */
export function warnAboutSettings(enrollment: Enrollment, stderr: NodeJS.WritableStream): void {
  if (enrollment.secret.weak) {
    stderr.write(`warning: the secret is ${enrollment.secret.bytes.length * 8} bits; RFC 4226 asks for at least 128 (a new one is 160)\n`);
  }
  if (hasCustomSettings(enrollment.parameters)) {
    const apps = [...new Set(compatibilityProblems(enrollment.parameters).map((problem) => problem.app))];
    if (apps.length > 0) stderr.write(`warning: only SHA1 / 6 digits / 30 s works in every app; these may refuse this code or show wrong codes: ${apps.join(', ')}\n`);
  }
}

function qrTitle(enrollment: Enrollment): string {
  const { issuer, accountName } = enrollment.parameters;
  return issuer ? `${issuer}: ${accountName}` : accountName;
}

/** The image holds the secret: readable by its owner only (mode 0600). */
async function writeSecretFile(flag: string, path: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFile(path, data, { mode: 0o600 });
  } catch (error) {
    throw new CliError(`${flag}: cannot write ${JSON.stringify(path)}: ${(error as Error).message}`, EXIT_FAILURE);
  }
}
