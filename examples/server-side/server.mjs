// Two-factor sign-in on your own server, end to end, with the totp-enroll core: plain node:http, no framework, and a
// small JSON file as the "database". docs/server-side.md walks through it.
//
//   export TOTP_SEALING_KEY="$(openssl rand -base64 32)"   # keep it outside the database, e.g. in a secrets manager
//   node examples/server-side/server.mjs                      # http://127.0.0.1:3000
//
// What it shows:
// 1. Enrollment: a page with <totp-generator require-verification> makes the secret in the browser; the form posts
//    it with a code from the app. The server verifies that code itself BEFORE it stores anything, then stores the
//    secret sealed (AES-256-GCM, bound to the account), the hashes of ten recovery codes, and the code's time step —
//    and shows the recovery codes once.
// 2. Sign-in: a code from the app, accepted once (a code whose time step is not after the last one used is refused:
//    RFC 6238 §5.2), or a recovery code, which is deleted when used.
//
// It leaves out what every site already has: passwords, sessions, CSRF tokens. Here anyone may enroll an account
// name that is not enrolled yet; on a real site, enrollment belongs to the signed-in user, after their password.
import { createServer } from 'node:http';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_PARAMETERS,
  STRONG_SECRET_BYTES,
  TotpParameterError,
  findRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  importSealingKey,
  openSecret,
  parseParameters,
  parseSecret,
  sealSecret,
  verifyCode,
} from 'totp-enroll/core';

/** The element as one self-registering file, served from this origin (the page's CSP allows scripts from 'self' only). */
const BUNDLE_FILE = fileURLToPath(import.meta.resolve('totp-enroll/bundle'));

const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const FORM_BYTES_MAX = 16 * 1024;
/** Failed sign-ins in a row before an account is locked for LOCK_MS: six digits are guessable without a limit. */
const FAILURES_MAX = 5;
const LOCK_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins from one client address, over all accounts, before that address is refused for CLIENT_WINDOW_MS.
 * The per-account lock alone lets anyone lock anyone's account with five requests; this bounds how many accounts one
 * address can lock (CLIENT_FAILURES_MAX / FAILURES_MAX per window) and how many codes it can try across accounts.
 */
const CLIENT_FAILURES_MAX = 20;
const CLIENT_WINDOW_MS = 15 * 60 * 1000;

/**
 * @typedef {object} Account
 * @property {string} account      the account name, also the sealed secret's account id
 * @property {string} secret       the TOTP secret, sealed: `v1.…` (sealSecret)
 * @property {6 | 8} digits
 * @property {number} period
 * @property {'SHA1' | 'SHA256' | 'SHA512'} algorithm
 * @property {number} lastStep     the time step of the last code accepted: only later ones are accepted
 * @property {string[]} recoveryCodes  PBKDF2 hashes of the recovery codes not used yet (hashRecoveryCode)
 * @property {number} failures     failed sign-ins in a row
 * @property {number} lockedUntil  milliseconds since the epoch; 0 when not locked
 */

/**
 * The "database": one JSON file, `{ "accounts": [Account, …] }`, written whole (to a temporary file, then renamed,
 * so a crash never leaves half a file) and readable by its owner only. Every read-check-write runs in `transaction`,
 * one at a time: two sign-ins with the same code can never both see the old `lastStep`.
 */
class JsonDatabase {
  /** @param {string} file */
  constructor(file) {
    this.file = file;
    /** @type {Promise<unknown>} */
    this.queue = Promise.resolve();
  }

  /**
   * @template T
   * @param {(data: { accounts: Account[] }) => Promise<T> | T} change  may change `data`; it is written back after
   * @returns {Promise<T>}
   */
  transaction(change) {
    const run = this.queue.then(async () => {
      const data = await this.read();
      const result = await change(data);
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.file);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** @returns {Promise<{ accounts: Account[] }>} */
  async read() {
    try {
      return JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return { accounts: [] };
      throw error;
    }
  }
}

/**
 * Failed sign-ins per client address in a fixed window, in memory: a limit that needs no database row and resets with
 * the process. Behind a reverse proxy, the address is the proxy's: key it on the client address the proxy passes
 * (X-Forwarded-For as your own proxy sets it, never as a client sends it).
 */
class ClientLimit {
  /** @param {() => number} now */
  constructor(now) {
    this.now = now;
    /** @type {Map<string, { failures: number, since: number }>} */
    this.clients = new Map();
  }

  /** @param {string} address @returns {boolean} true while the address has used up its failures */
  blocked(address) {
    const entry = this.clients.get(address);
    if (entry && this.now() - entry.since >= CLIENT_WINDOW_MS) this.clients.delete(address);
    return (this.clients.get(address)?.failures ?? 0) >= CLIENT_FAILURES_MAX;
  }

  /** @param {string} address */
  failed(address) {
    const time = this.now();
    if (this.clients.size > 100_000) {
      // Many addresses (a spread-out attack): forget the windows that are over, so the map stays bounded by the window.
      for (const [other, entry] of this.clients) if (time - entry.since >= CLIENT_WINDOW_MS) this.clients.delete(other);
    }
    const entry = this.clients.get(address) ?? { failures: 0, since: time };
    entry.failures += 1;
    this.clients.set(address, entry);
  }
}

/**
 * The example's HTTP server (not yet listening).
 *
 * @param {object} options
 * @param {string} options.databaseFile   where the JSON database lives
 * @param {string | Uint8Array} options.sealingKey  32 bytes, or their Base64 (TOTP_SEALING_KEY)
 * @param {() => number} [options.now]    the clock, in milliseconds: tests set it, so that no step boundary can flake
 * @param {string} [options.issuer]       the name authenticator apps show
 */
export async function createExampleServer({ databaseFile, sealingKey, now = Date.now, issuer = 'Example' }) {
  const key = await importSealingKey(sealingKey);
  const database = new JsonDatabase(databaseFile);
  const bundle = await readFile(BUNDLE_FILE);
  const clientLimit = new ClientLimit(now);

  /** @type {Record<string, (request: import('node:http').IncomingMessage, url: URL) => Promise<Page>>} */
  const routes = {
    'GET /': async () => homePage(),
    'GET /enroll': async (_request, url) => {
      const account = checkAccountName(url.searchParams.get('account'));
      if (typeof account !== 'string') return account;
      const enrolled = (await database.read()).accounts.some((record) => record.account === account);
      if (enrolled) return messagePage(409, 'Already enrolled', `${account} already has two-factor sign-in.`);
      return enrollPage(issuer, account);
    },
    'POST /enroll': async (request) => {
      const form = await readForm(request);
      const account = checkAccountName(form.get('account'));
      if (typeof account !== 'string') return account;
      // The element posts the secret it made; the server trusts it only once a code from the app matches it.
      let secret;
      try {
        secret = parseSecret(form.get('totp_secret') ?? '');
      } catch (error) {
        if (error instanceof TotpParameterError) return messagePage(400, 'Not enrolled', 'The form did not carry a valid secret.');
        throw error;
      }
      if (secret.bytes.length < STRONG_SECRET_BYTES) return messagePage(400, 'Not enrolled', 'The secret is too short.');
      const parameters = { ...DEFAULT_PARAMETERS };
      const verification = await verifyCode({ secret: secret.bytes, ...parameters }, form.get('code') ?? '', { timestamp: now() });
      if (!verification.valid) {
        return messagePage(400, 'Not enrolled', 'That code does not match the QR code. Nothing was stored: check the clock of your phone and start again.');
      }
      const recoveryCodes = generateRecoveryCodes();
      const record = {
        account,
        secret: await sealSecret(secret.base32, key, { accountId: account }),
        ...parameters,
        // The code just typed counts as used: it cannot sign in afterwards.
        lastStep: verification.step,
        recoveryCodes: await Promise.all(recoveryCodes.map((code) => hashRecoveryCode(code))),
        failures: 0,
        lockedUntil: 0,
      };
      const stored = await database.transaction((data) => {
        if (data.accounts.some((existing) => existing.account === account)) return false;
        data.accounts.push(record);
        return true;
      });
      if (!stored) return messagePage(409, 'Already enrolled', `${account} already has two-factor sign-in.`);
      return recoveryCodesPage(account, recoveryCodes);
    },
    'POST /sign-in': async (request) => {
      // Checked before the account is even looked at: a client over its limit can lock no further account.
      const address = request.socket.remoteAddress ?? '';
      if (clientLimit.blocked(address)) return messagePage(429, 'Not signed in', 'Too many wrong codes from your address. Try again in 15 minutes.');
      const form = await readForm(request);
      const account = form.get('account') ?? '';
      const typed = (form.get('code') ?? '').replace(/\s+/g, '');
      const page = await database.transaction((data) => signIn(data, account, typed));
      if (page.status === 401) clientLimit.failed(address);
      return page;
    },
    'GET /totp-generator.bundle.js': async () => ({ status: 200, type: 'text/javascript; charset=utf-8', body: bundle }),
    'GET /style.css': async () => ({ status: 200, type: 'text/css; charset=utf-8', body: STYLE }),
  };

  /**
   * One sign-in attempt, inside the database transaction.
   *
   * @param {{ accounts: Account[] }} data
   * @param {string} account
   * @param {string} typed  the code without spaces
   * @returns {Promise<Page>}
   */
  async function signIn(data, account, typed) {
    const refused = messagePage(401, 'Not signed in', 'That code did not work.');
    const record = data.accounts.find((candidate) => candidate.account === account);
    if (!record) return refused;
    const time = now();
    if (record.lockedUntil > time) return messagePage(429, 'Not signed in', 'Too many wrong codes. Try again in 15 minutes.');
    if (record.lockedUntil !== 0) Object.assign(record, { failures: 0, lockedUntil: 0 });
    const fail = (/** @type {Page} */ page) => {
      record.failures += 1;
      if (record.failures >= FAILURES_MAX) record.lockedUntil = time + LOCK_MS;
      return page;
    };
    const succeed = (/** @type {string} */ text) => {
      record.failures = 0;
      return messagePage(200, 'Signed in', text);
    };

    if (/^[0-9]+$/.test(typed)) {
      // A code from the app: a step after the last one used, within one step of now.
      const secret = await openSecret(record.secret, key, { accountId: record.account });
      const codeOptions = { secret: secret.bytes, digits: record.digits, period: record.period, algorithm: record.algorithm };
      const verification = await verifyCode(codeOptions, typed, { timestamp: time, afterStep: record.lastStep });
      if (verification.valid) {
        record.lastStep = verification.step;
        return succeed(`Welcome back, ${account}.`);
      }
      if (verification.reason === 'replayed') return fail(messagePage(401, 'Not signed in', 'That code was already used. Wait for the next one.'));
      return fail(refused);
    }
    // Anything else may be a recovery code: it works once, so its hash goes.
    const index = await findRecoveryCode(typed, record.recoveryCodes);
    if (index < 0) return fail(refused);
    record.recoveryCodes.splice(index, 1);
    const left = record.recoveryCodes.length;
    return succeed(`Welcome back, ${account}. You used a recovery code; ${left} ${left === 1 ? 'is' : 'are'} left.`);
  }

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = routes[`${request.method} ${url.pathname}`];
    const page = route ? route(request, url) : Promise.resolve(messagePage(404, 'Not found', 'There is no such page.'));
    page
      .catch((error) => {
        // Never echo an unexpected error: it could hold anything. Its name on the console is enough to look further.
        console.error(`${request.method} ${url.pathname}: ${error?.name ?? 'error'}`);
        return error instanceof FormError ? messagePage(400, 'Bad request', error.message) : messagePage(500, 'Error', 'Something went wrong.');
      })
      .then(({ status, type = 'text/html; charset=utf-8', body }) => {
        response.writeHead(status, {
          'Content-Type': type,
          // Pages with secrets or recovery codes must not be kept by any cache, nor shown again by Back.
          'Cache-Control': 'no-store',
          'Content-Security-Policy': POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        });
        response.end(body);
      });
  });
}

/** @typedef {{ status: number, type?: string, body: string | Buffer }} Page */

class FormError extends Error {}

/**
 * A posted form (application/x-www-form-urlencoded), at most FORM_BYTES_MAX bytes.
 *
 * @param {import('node:http').IncomingMessage} request
 */
async function readForm(request) {
  if (!/^application\/x-www-form-urlencoded\b/.test(request.headers['content-type'] ?? '')) throw new FormError('Expected a form.');
  let text = '';
  for await (const chunk of request.setEncoding('utf8')) {
    text += chunk;
    if (text.length > FORM_BYTES_MAX) throw new FormError('The form is too large.');
  }
  return new URLSearchParams(text);
}

/**
 * The account name as the core checks it (non-empty, no colon), or an error page.
 *
 * @param {string | null} name
 * @returns {string | Page}
 */
function checkAccountName(name) {
  try {
    return parseParameters({ accountName: name ?? '' }).accountName;
  } catch (error) {
    if (error instanceof TotpParameterError) return messagePage(400, 'Not enrolled', `Account name: ${error.problem}; expected ${error.allowed}.`);
    throw error;
  }
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * @param {string} title
 * @param {string} main  HTML
 * @param {{ element?: boolean }} [options]  whether the page has a <totp-generator>
 */
function layout(title, main, { element = false } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/style.css">
${element ? '<script type="module" src="/totp-generator.bundle.js"></script>' : ''}</head>
<body><main><h1>${escapeHtml(title)}</h1>
${main}
</main></body></html>
`;
}

/** @returns {Page} */
function homePage() {
  return {
    status: 200,
    body: layout(
      'Two-factor sign-in example',
      `<form id="enroll" method="get" action="/enroll">
  <h2>Set up two-factor sign-in</h2>
  <label>Account name <input name="account" required autocomplete="username"></label>
  <button>Set up</button>
</form>
<form id="sign-in" method="post" action="/sign-in">
  <h2>Sign in</h2>
  <label>Account name <input name="account" required autocomplete="username"></label>
  <label>Code from your app, or a recovery code <input name="code" required autocomplete="one-time-code" spellcheck="false"></label>
  <button>Sign in</button>
</form>`,
    ),
  };
}

/**
 * @param {string} issuer
 * @param {string} account
 * @returns {Page}
 */
function enrollPage(issuer, account) {
  return {
    status: 200,
    body: layout(
      'Set up two-factor sign-in',
      `<p>Scan the QR code with your authenticator app, then type the code it shows.</p>
<form id="enroll" method="post" action="/enroll">
  <input type="hidden" name="account" value="${escapeHtml(account)}">
  <totp-generator issuer="${escapeHtml(issuer)}" account-name="${escapeHtml(account)}" name="totp_secret" require-verification></totp-generator>
  <label>Confirm: the code your app shows now <input name="code" required inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,9}"></label>
  <button>Turn on two-factor sign-in</button>
</form>`,
      { element: true },
    ),
  };
}

/**
 * The only time the recovery codes exist in clear outside the person's hands.
 *
 * @param {string} account
 * @param {string[]} codes
 * @returns {Page}
 */
function recoveryCodesPage(account, codes) {
  return {
    status: 200,
    body: layout(
      'Two-factor sign-in is on',
      `<p>${escapeHtml(account)} now signs in with a code from the app.</p>
<h2>Your recovery codes</h2>
<p>If you lose your phone, each of these codes signs you in once. Print them or write them down now: they are not
shown again, and we keep only a scrambled form of them.</p>
<ol id="recovery-codes">${codes.map((code) => `<li><code>${code}</code></li>`).join('')}</ol>
<p><a href="/">Done</a></p>`,
    ),
  };
}

/**
 * @param {number} status
 * @param {string} title
 * @param {string} text
 * @returns {Page}
 */
function messagePage(status, title, text) {
  return { status, body: layout(title, `<p id="message">${escapeHtml(text)}</p>\n<p><a href="/">Back</a></p>`) };
}

const STYLE = `body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }
form { display: grid; gap: 0.75rem; margin-block: 2rem; } label { display: grid; gap: 0.25rem; }
#recovery-codes { font: 1.25rem/1.6 ui-monospace, monospace; }
`;

/** `node examples/server-side/server.mjs`: the key from TOTP_SEALING_KEY, the database file, the port. */
async function main() {
  const sealingKey = process.env.TOTP_SEALING_KEY;
  if (!sealingKey) {
    console.error('Set TOTP_SEALING_KEY to 32 random bytes in Base64 first, e.g.\n  export TOTP_SEALING_KEY="$(openssl rand -base64 32)"');
    process.exit(2);
  }
  const databaseFile = process.env.DATABASE_FILE ?? '2fa-example-db.json';
  const server = await createExampleServer({ databaseFile, sealingKey });
  const port = Number(process.env.PORT ?? 3000);
  // Loopback: 127.0.0.1 is a secure context, where browsers give the element WebCrypto. Elsewhere, serve HTTPS.
  server.listen(port, '127.0.0.1', () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`http://127.0.0.1:${address.port}`);
    console.error(`database: ${databaseFile}; Ctrl-C stops`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
