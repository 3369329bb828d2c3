/**
 * Command-line parsing on `node:util` `parseArgs`: the commands, their flags, and the checks of the CLI's own
 * values (counts, ports, times). The enrollment parameters themselves are checked by the core.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, invalidFlag } from './errors.js';

export const COMMANDS = ['enroll', 'code', 'verify', 'serve'] as const;
export type Command = (typeof COMMANDS)[number];

type Options = NonNullable<ParseArgsConfig['options']>;

const PARAMETER_FLAGS = {
  digits: { type: 'string' },
  period: { type: 'string' },
  algorithm: { type: 'string' },
} satisfies Options;

const COMMON_FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies Options;

/** Every command's flags. Everything is a string flag so that the core sees the value exactly as typed. */
export const FLAGS = {
  enroll: {
    issuer: { type: 'string' },
    'account-name': { type: 'string' },
    ...PARAMETER_FLAGS,
    secret: { type: 'string' },
    'recovery-codes': { type: 'string' },
    qr: { type: 'boolean' },
    png: { type: 'string' },
    svg: { type: 'string' },
    count: { type: 'string' },
    accounts: { type: 'string' },
    jobs: { type: 'string' },
    at: { type: 'string' },
    ...COMMON_FLAGS,
  },
  code: { secret: { type: 'string' }, ...PARAMETER_FLAGS, at: { type: 'string' }, json: { type: 'boolean' }, ...COMMON_FLAGS },
  verify: { secret: { type: 'string' }, code: { type: 'string' }, ...PARAMETER_FLAGS, window: { type: 'string' }, at: { type: 'string' }, ...COMMON_FLAGS },
  serve: { port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string' }, cors: { type: 'string' }, public: { type: 'boolean' }, 'headers-timeout': { type: 'string' }, ...COMMON_FLAGS },
} satisfies Record<Command, Options>;

/** Flag values by name: strings for value flags, booleans for switches. */
export type Values = Record<string, string | boolean | undefined>;

export interface ParsedCommand {
  command: Command;
  values: Values;
}

/**
 * Splits `argv` (without `node` and the script) into a command and its flag values.
 *
 * @throws {CliError} for an unknown command or flag, a missing value, or a stray argument, naming it and what is allowed.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  // The command is the first argument that is not a flag; `enroll` is the default and may be left out.
  const first = argv[0];
  const command: Command = first !== undefined && (COMMANDS as readonly string[]).includes(first) ? (first as Command) : 'enroll';
  const rest = command === 'enroll' && first !== 'enroll' ? argv : argv.slice(1);
  const options: Options = FLAGS[command];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw translateParseError(error, command, options);
  }
  const stray = parsed.positionals[0];
  if (stray !== undefined) {
    if ((COMMANDS as readonly string[]).includes(stray)) throw new CliError(`the command "${stray}" must come first: totp-enroll ${stray} [flags]`);
    const hint = command === 'enroll' && !argv.some((arg) => arg.startsWith('-')) ? `a command (${COMMANDS.join(', ')}) or a flag` : 'a flag';
    throw new CliError(`unexpected argument ${JSON.stringify(stray)}; expected ${hint} — see "totp-enroll ${command === 'enroll' ? '' : `${command} `}--help"`);
  }
  return { command, values: parsed.values as Values };
}

/** parseArgs's messages name options in its own words; ours name the flag and list the allowed ones. */
function translateParseError(error: unknown, command: Command, options: Options): CliError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const allowed = Object.keys(options).map((name) => `--${name}`).join(', ');
  const where = command === 'enroll' ? '' : ` for "${command}"`;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`unknown flag ${flag}${where}; allowed flags: ${allowed}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? new CliError(`${flag}: takes no value`)
        : new CliError(`${flag}: needs a value (write --flag=-value for a value that starts with "-")`);
    default:
      return new CliError(message);
  }
}

/** A string flag's value, or undefined when absent. */
export function stringFlag(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number flag from `min` to `max`, or `fallback` when absent. */
export function integerFlag(values: Values, name: string, min: number, max: number, fallback: number): number {
  const text = stringFlag(values, name);
  if (text === undefined) return fallback;
  const value = /^[0-9]{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidFlag(`--${name}`, text, `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
  }
  return value;
}

const TIME_ALLOWED = 'a Unix time in seconds (e.g. 1767225600) or an ISO 8601 date with a time zone (e.g. 2026-01-01T00:00:00Z), from 1970 on';

/** ISO 8601 date and time with a zone: year, month, day, hour, minute, optional seconds and fraction, zone. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;

/** `--at`: the moment codes are computed for, in milliseconds; now when absent. */
export function timeFlag(values: Values, now: number = Date.now()): number {
  const text = stringFlag(values, 'at');
  if (text === undefined) return now;
  if (/^[0-9]{1,12}(\.[0-9]{1,3})?$/.test(text)) return Math.round(Number(text) * 1000);
  // Without a zone, Date.parse would use the machine's local time: the same command would give different codes.
  const parts = ISO_TIME.exec(text);
  if (!parts) throw invalidFlag('--at', text, TIME_ALLOWED);
  // Date.parse rolls impossible dates over (2026-02-30 is March 2) instead of refusing them: each field is checked.
  const [year, month, day, hour, minute, second = 0, zoneHours = 0, zoneMinutes = 0] = parts.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth || hour! > 23 || minute! > 59 || second > 59 || zoneHours > 23 || zoneMinutes > 59) {
    throw invalidFlag('--at', text, `${TIME_ALLOWED}; that date or time does not exist`);
  }
  const milliseconds = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(milliseconds)) throw invalidFlag('--at', text, TIME_ALLOWED);
  // Codes count time steps from 1970 (RFC 6238); said here in the flag's terms rather than the core's `timestamp`.
  if (milliseconds < 0) throw invalidFlag('--at', text, TIME_ALLOWED);
  return milliseconds;
}
