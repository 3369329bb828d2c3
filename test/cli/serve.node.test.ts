// `totp-enroll serve`: the real built command as a server on 127.0.0.1 (a free port it picks and prints), real HTTP
// requests, the hosted API's contract checked field by field against otpauth, oathtool and jsQR.
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import * as OTPAuth from 'otpauth';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { builtCli, codesBetween, oathtoolCode, runCli, spawnCli } from './cli-process.js';

const ROUTE = '/v1/auth/totp-generate';
const QUERY = 'issuer=MyApp&account_name=user@example.com&digits=6&period=30';

interface Server {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** Starts `serve --port 0 …` and waits for the URL it prints on stdout. */
async function startServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawnCli(['serve', '--port', '0', ...args], { env: { ...process.env, ...env } });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (data: string) => (log += data));
  const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, url, log: () => log };
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'close');
}

describe('CLI: serve (the hosted API, self-hosted)', function () {
  let server: Server;
  before(async () => {
    builtCli();
    server = await startServer();
  });
  after(() => stop(server));

  it('binds to loopback by default and prints its URL', () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers the hosted API's curl example with the JSON; every field checked independently", async () => {
    const before = Date.now();
    const response = await fetch(`${server.url}${ROUTE}?${QUERY}`);
    const after = Date.now();
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    const json = await response.json();
    expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
    const otp = OTPAuth.URI.parse(json.uri) as OTPAuth.TOTP;
    expect([otp.issuer, otp.label, otp.secret.base32, otp.digits, otp.period, otp.algorithm]).to.deep.equal(['MyApp', 'user@example.com', json.secret, 6, 30, 'SHA1']);
    expect(readQrFromPng(dataUriBytes(json.qr_code))).to.equal(json.uri);
    expect(codesBetween((t) => oathtoolCode(json.secret, t), before, after)).to.include(json.current_code);
    expect(codesBetween((timestamp) => otp.generate({ timestamp }), before, after)).to.include(json.current_code);
  });

  it('adds recovery_codes for recovery_codes=N; the default answer keeps exactly the four fields', async () => {
    const response = await fetch(`${server.url}${ROUTE}?${QUERY}&recovery_codes=4`);
    expect(response.status).to.equal(200);
    const json = await response.json();
    expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code', 'recovery_codes']);
    expect(json.recovery_codes).to.have.length(4);
    for (const code of json.recovery_codes) expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(Object.keys(await (await fetch(`${server.url}${ROUTE}?${QUERY}`)).json())).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
  });

  it('gives a fresh secret on every request', async () => {
    const secrets = await Promise.all([1, 2, 3].map(async () => (await (await fetch(`${server.url}${ROUTE}?account_name=a`)).json()).secret));
    expect(new Set(secrets).size).to.equal(3);
  });

  const invalid: [string, string, RegExp][] = [
    ['account_name=', 'account_name', /account_name: is required/],
    ['issuer=MyApp', 'account_name', /account_name: is required/],
    ['account_name=a&digits=7', 'digits', /digits: got "7"; expected 6 or 8/],
    ['account_name=a&period=9', 'period', /period: got "9"; expected a whole number of seconds from 10 to 120/],
    ['account_name=a&algorithm=SHA-256', 'algorithm', /expected SHA1, SHA256, SHA512/],
    ['account_name=a:b', 'account_name', /contains a colon/],
    ['account_name=a&digits=6&digits=8', 'digits', /given more than once/],
    ['account_name=a&recovery_codes=21', 'recovery_codes', /recovery_codes: got 21; expected a whole number from 1 to 20/],
    ['account_name=a&recovery_codes=x', 'recovery_codes', /recovery_codes: got "x"; expected a whole number from 1 to 20/],
    ['account_name=a&recovery_codes=1&recovery_codes=2', 'recovery_codes', /given more than once/],
  ];
  for (const [query, parameter, message] of invalid) {
    it(`400 for ${query}, naming ${parameter}`, async () => {
      const response = await fetch(`${server.url}${ROUTE}?${query}`);
      expect(response.status).to.equal(400);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      const body = await response.json();
      expect(body).to.include({ error: 'invalid_parameter', parameter });
      expect(body.message).to.match(message);
    });
  }

  it('404 for other paths, 405 with Allow for other methods, 204 for OPTIONS — all no-store', async () => {
    for (const path of ['/', '/v1/auth/totp-generate/', '/v1/auth/totp-generat', '/v2/auth/totp-generate']) {
      const response = await fetch(`${server.url}${path}?account_name=a`);
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect((await response.json()).error).to.equal('not_found');
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}${ROUTE}?account_name=a`, { method });
      expect(response.status, method).to.equal(405);
      expect(response.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
      expect(response.headers.get('cache-control')).to.equal('no-store');
    }
    const head = await fetch(`${server.url}${ROUTE}?account_name=a`, { method: 'HEAD' });
    expect(head.status).to.equal(200);
    expect(await head.text()).to.equal('');
    const options = await fetch(`${server.url}${ROUTE}`, { method: 'OPTIONS' });
    expect(options.status).to.equal(204);
    expect(options.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
    expect(options.headers.get('cache-control')).to.equal('no-store');
  });

  it('logs method, route and status — never the query, the secret or the code', async () => {
    const response = await fetch(`${server.url}${ROUTE}?issuer=LogIssuer&account_name=logged-user@example.com`);
    const json = await response.json();
    await fetch(`${server.url}/secret-path-JBSWY3DP?x=1`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the log line cross the pipe
    const log = server.log();
    expect(log).to.match(new RegExp(`GET ${ROUTE} 200 `));
    expect(log).to.match(/GET \(other path\) 404 /);
    for (const leak of [json.secret, json.current_code, 'logged-user', 'LogIssuer', 'account_name', 'secret-path', 'JBSWY3DP', '?']) {
      expect(log, leak).not.to.contain(leak);
    }
  });

  describe('with an API key', () => {
    let keyed: Server;
    before(async () => (keyed = await startServer(['--cors', 'https://admin.example.com'], { TOTP_ENROLL_API_KEY: 's3cret-key' })));
    after(() => stop(keyed));

    it('answers 401 with WWW-Authenticate without the right Bearer key, 200 with it', async () => {
      for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cret-ke', 'Bearer s3cret-key2', 'Basic czNjcmV0LWtleQ==', 's3cret-key', 'Bearer ']) {
        const response = await fetch(`${keyed.url}${ROUTE}?account_name=a`, { headers: authorization ? { authorization } : {} });
        expect(response.status, String(authorization)).to.equal(401);
        expect(response.headers.get('www-authenticate')).to.match(/^Bearer /);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect((await response.json()).error).to.equal('unauthorized');
      }
      const ok = await fetch(`${keyed.url}${ROUTE}?account_name=a`, { headers: { authorization: 'Bearer s3cret-key' } });
      expect(ok.status).to.equal(200);
      expect(ok.headers.get('access-control-allow-origin')).to.equal('https://admin.example.com');
    });

    it('answers the CORS preflight without the key (browsers send none), allowing the Authorization header', async () => {
      const response = await fetch(`${keyed.url}${ROUTE}`, { method: 'OPTIONS', headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect(response.status).to.equal(204);
      expect(response.headers.get('access-control-allow-origin')).to.equal('https://admin.example.com');
      expect(response.headers.get('access-control-allow-headers')).to.match(/authorization/i);
    });

    it('--api-key on the command line works too; an empty one is refused', async () => {
      const flagged = await startServer(['--api-key', 'from-flag']);
      try {
        expect((await fetch(`${flagged.url}${ROUTE}?account_name=a`)).status).to.equal(401);
        expect((await fetch(`${flagged.url}${ROUTE}?account_name=a`, { headers: { authorization: 'bearer from-flag' } })).status).to.equal(200);
      } finally {
        await stop(flagged);
      }
      const empty = await runCli(['serve', '--api-key=']);
      expect(empty.status).to.equal(2);
      expect(empty.stderr).to.match(/--api-key: got ""; expected a non-empty key/);
    });
  });

  it('stops gracefully on SIGINT and on SIGTERM, with exit 0', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const own = await startServer();
      expect((await fetch(`${own.url}${ROUTE}?account_name=a`)).status).to.equal(200); // leaves a keep-alive connection
      own.child.kill(signal);
      const [code] = await once(own.child, 'close');
      expect(code, signal).to.equal(0);
      expect(own.log()).to.contain(`${signal}: finishing requests in progress`);
    }
  });

  it('refuses a bad --port, and a port in use, naming --port', async () => {
    const bad = await runCli(['serve', '--port', '70000']);
    expect(bad.status).to.equal(2);
    expect(bad.stdout).to.equal('');
    expect(bad.stderr).to.match(/--port: got "70000"; expected a whole number from 0 to 65,535/);
    const port = new URL(server.url).port;
    const busy = await runCli(['serve', '--port', port]);
    expect(busy.status).to.equal(1);
    expect(busy.stdout).to.equal('');
    expect(busy.stderr).to.match(/--port: cannot listen on 127.0.0.1:\d+: EADDRINUSE/);
  });
});
