/**
 * `totp-enroll code` and `totp-enroll verify`: the current code of an existing secret, and checking a code typed by
 * a person — for scripts, CI and test fixtures that hold a secret and need what an authenticator app would show.
 */
import { generateCode, parseParameters, parseSecret, secondsRemaining, verifyCode, VERIFY_WINDOW_MAX, type CodeOptions } from '../core/index.js';
import { integerFlag, stringFlag, timeFlag, type Values } from './args.js';
import { hmac } from './enroll.js';
import { CliError } from './errors.js';

/** The secret and code parameters of `code` / `verify`; the core checks them and names the field. */
function codeOptions(values: Values): CodeOptions {
  const text = stringFlag(values, 'secret');
  if (text === undefined) throw new CliError('--secret: is required; expected the Base32 secret of the enrollment');
  const secret = parseSecret(text);
  // The label parts do not matter for codes; an account name is set only to satisfy the shared validation.
  const { digits, period, algorithm } = parseParameters({
    accountName: '-',
    digits: stringFlag(values, 'digits'),
    period: stringFlag(values, 'period'),
    algorithm: stringFlag(values, 'algorithm'),
  });
  return { secret: secret.bytes, digits, period, algorithm };
}

/** Prints `123456 (17 s left)`, or with `--json` `{"current_code":"123456","seconds_remaining":17}`. */
export async function runCode(values: Values, stdout: NodeJS.WritableStream): Promise<void> {
  const options = codeOptions(values);
  const timestamp = timeFlag(values);
  const code = await generateCode(options, timestamp, { hmac });
  const seconds = secondsRemaining(options.period, timestamp);
  stdout.write(values.json === true ? `${JSON.stringify({ current_code: code, seconds_remaining: seconds })}\n` : `${code} (${seconds} s left)\n`);
}

/** Prints `valid` or `invalid` (with the reason) and returns the exit status: 0 when valid, 1 when not. */
export async function runVerify(values: Values, stdout: NodeJS.WritableStream): Promise<number> {
  const options = codeOptions(values);
  const code = stringFlag(values, 'code');
  if (code === undefined) throw new CliError(`--code: is required; expected the ${options.digits}-digit code to check`);
  const window = integerFlag(values, 'window', 0, VERIFY_WINDOW_MAX, 1);
  const result = await verifyCode(options, code, { window, timestamp: timeFlag(values), hmac });
  if (result.valid) {
    stdout.write(`valid${describeOffset(result.offset)}\n`);
    return 0;
  }
  stdout.write(result.reason === 'format' ? `invalid: not ${options.digits} digits\n` : 'invalid\n');
  return 1;
}

function describeOffset(offset: number): string {
  if (offset === 0) return '';
  const steps = Math.abs(offset) === 1 ? 'step' : 'steps';
  return ` (${Math.abs(offset)} ${steps} ${offset < 0 ? 'behind: the code before the current one' : 'ahead: a code from the next period'})`;
}
