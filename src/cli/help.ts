/**
 * `--help` texts, one per command. Kept next to the flag definitions' wording: the allowed values are the core's.
 */
import { ALGORITHMS, PERIOD_MAX, PERIOD_MIN, RECOVERY_CODE_COUNT_MAX, RECOVERY_CODE_COUNT_MIN, VERIFY_WINDOW_MAX } from '../core/index.js';
import type { Command } from './args.js';
import { API_KEY_ENV, DEFAULT_HOST, DEFAULT_PORT, HEADERS_TIMEOUT_MAX, ROUTE, TIMEOUTS } from './serve.js';

const PARAMETERS = `  --digits N              6 or 8 (default 6)
  --period SECONDS        ${PERIOD_MIN} to ${PERIOD_MAX} (default 30)
  --algorithm NAME        ${ALGORITHMS.join(', ')} (default SHA1; exactly these spellings)`;

const AT = `  --at TIME               compute codes for this time instead of now: Unix seconds or ISO 8601 with a zone`;

export const HELP: Record<Command, string> = {
  enroll: `totp-enroll — create TOTP (2FA) enrollments on this machine: secret, otpauth:// URI, QR code, current code

Usage:
  totp-enroll --issuer MyApp --account-name user@example.com [options]
  totp-enroll code --secret BASE32 [options]            print the current code
  totp-enroll verify --secret BASE32 --code 123456      exit 0 if the code is valid, 1 if not
  totp-enroll serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}]  the hosted API's endpoint, self-hosted

Prints the hosted API's JSON: {"secret","uri","qr_code","current_code"} (qr_code is a PNG data: URI).

Enrollment:
  --issuer NAME           who the account is with, e.g. MyApp (recommended; no ":")
  --account-name NAME     the account, e.g. user@example.com (required; no ":")
${PARAMETERS}
  --secret BASE32         enroll an existing secret instead of a new random one
  --recovery-codes N      also make N one-time recovery codes, ${RECOVERY_CODE_COUNT_MIN} to ${RECOVERY_CODE_COUNT_MAX}: "recovery_codes" in the JSON
                          (store only their hashes; in batch mode each enrollment gets its own)

Output:
  --qr                    also draw the QR code in the terminal (on stderr; stdout stays JSON)
  --png FILE              also write the QR code as a PNG file (mode 0600: it holds the secret)
  --svg FILE              also write the QR code as an SVG file (mode 0600)
${AT}

Batch (NDJSON: one JSON object a line, streamed):
  --count N               N enrollments with fresh secrets and the same parameters
  --accounts FILE         one enrollment per non-empty line of FILE, each line an account name; "-" reads stdin
                          (the only time stdin is read)
  --jobs N                worker threads making enrollments, 1 to 64 (default: the CPUs, at most 8)

  -h, --help              this help (also: totp-enroll code --help, …)
  -v, --version           the version

Exit status: 0 done, 1 failed (e.g. a file could not be written), 2 invalid flags or values.
Secrets are generated with crypto.getRandomValues and never leave this machine.
`,
  code: `totp-enroll code — the current code of an existing secret, and the seconds it stays valid

Usage: totp-enroll code --secret BASE32 [--digits 6] [--period 30] [--algorithm SHA1] [--at TIME] [--json]

Prints "123456 (17 s left)", or with --json {"current_code":"123456","seconds_remaining":17}.

  --secret BASE32         the enrollment's secret (case, spaces and "=" padding are ignored)
${PARAMETERS}
${AT}
  --json                  print JSON
`,
  verify: `totp-enroll verify — check a code against a secret

Usage: totp-enroll verify --secret BASE32 --code CODE [--window 1] [--digits 6] [--period 30] [--algorithm SHA1] [--at TIME]

Prints "valid" (noting an accepted earlier or later step) and exits 0, or prints "invalid" and exits 1.

  --secret BASE32         the enrollment's secret
  --code CODE             the code to check (spaces are ignored)
  --window STEPS          also accept codes this many steps before or after now, 0 to ${VERIFY_WINDOW_MAX} (default 1, as RFC 6238 advises)
${PARAMETERS}
${AT}
`,
  serve: `totp-enroll serve — the hosted GET ${ROUTE} endpoint, on this machine

Usage: totp-enroll serve [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--api-key KEY] [--cors ORIGIN] [--public]

  curl "http://127.0.0.1:${DEFAULT_PORT}${ROUTE}?issuer=MyApp&account_name=user@example.com&digits=6&period=30"

Answers 200 with the hosted API's JSON (with recovery_codes=N, 1 to ${RECOVERY_CODE_COUNT_MAX}, also N one-time recovery codes
in "recovery_codes"), 400 with {"error","parameter","message","allowed"} for an invalid parameter, 401 without
the API key, 404 for other paths, 405 for other methods, 414 for a path and query over 8 KB. Every answer has
Cache-Control: no-store. The same handler runs on Deno and Cloudflare Workers: see docs/server.md. Prints the bound
URL on stdout and one line per request on stderr (never query strings, secrets or codes). Stops gracefully on
SIGINT / SIGTERM: requests in progress finish, new connections are refused.

  --port N                0 to 65535 (default ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDRESS          address to bind (default ${DEFAULT_HOST}: this machine only)
  --api-key KEY           require "Authorization: Bearer KEY" (401 otherwise); better: set ${API_KEY_ENV},
                          which does not show in process listings
  --cors ORIGIN           send Access-Control-Allow-Origin: ORIGIN (e.g. https://admin.example.com, or *);
                          or set TOTP_ENROLL_CORS
  --public                serve without an API key on an address other machines can reach (refused otherwise);
                          or set TOTP_ENROLL_PUBLIC=1
  --headers-timeout SECONDS  cut clients that take longer to send a request's headers, 1 to ${HEADERS_TIMEOUT_MAX} (default ${TIMEOUTS.headersMilliseconds / 1000})
`,
};
