// `totp-enroll serve`: what is Node's own — the command line, binding, signals. The endpoint's HTTP contract (every
// status, header, error and log line) is tested against this same built command, and against Deno, workerd and Bun,
// by test/server/contract.node.test.ts and test/server/faults.node.test.ts.
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { builtCli, runCli, spawnCli } from './cli-process.js';

const ROUTE = '/v1/auth/totp-generate';

interface Server {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** Starts `serve --port 0 …` and waits for the URL it prints on stdout. */
async function startServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawnCli(['serve', '--port', '0', ...args], { env: { ...process.env, TOTP_ENROLL_API_KEY: '', TOTP_ENROLL_CORS: '', TOTP_ENROLL_PUBLIC: '', ...env } });
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

  it('binds to loopback by default and prints its URL', async () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}${ROUTE}?account_name=a`)).status).to.equal(200);
  });

  it('--api-key and --cors on the command line work like TOTP_ENROLL_API_KEY and TOTP_ENROLL_CORS; empty ones are refused', async () => {
    const flagged = await startServer(['--api-key', 'from-flag', '--cors', 'https://admin.example.com']);
    try {
      expect((await fetch(`${flagged.url}${ROUTE}?account_name=a`)).status).to.equal(401);
      const ok = await fetch(`${flagged.url}${ROUTE}?account_name=a`, { headers: { authorization: 'bearer from-flag' } });
      expect(ok.status).to.equal(200);
      expect(ok.headers.get('access-control-allow-origin')).to.equal('https://admin.example.com');
      expect(flagged.log()).to.contain('(API key required)');
    } finally {
      await stop(flagged);
    }
    const empty = await runCli(['serve', '--api-key=']);
    expect(empty.status).to.equal(2);
    expect(empty.stderr).to.match(/--api-key: got ""; expected a non-empty key/);
    const emptyCors = await runCli(['serve', '--cors=']);
    expect(emptyCors.status).to.equal(2);
    expect(emptyCors.stderr).to.match(/--cors: got ""; expected an origin/);
  });

  it('refuses at start-up a CORS value with a line break and an API key with whitespace, by flag or variable, naming it', async () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--cors', 'https://a\r\nX: 1'], {}, /^totp-enroll: --cors: contains a line break, which would split the header; expected an origin/m],
      [[], { TOTP_ENROLL_CORS: 'https://a\r\nX: 1' }, /^totp-enroll: TOTP_ENROLL_CORS: contains a line break/m],
      [['--cors', 'https://admin.example.com/'], {}, /^totp-enroll: --cors: got "https:\/\/admin\.example\.com\/", which is not an origin/m],
      [['--api-key', 'two words'], {}, /^totp-enroll: --api-key: contains whitespace or a control character, so no Authorization header can ever match it/m],
      [[], { TOTP_ENROLL_API_KEY: 'key\n' }, /^totp-enroll: TOTP_ENROLL_API_KEY: contains whitespace/m],
    ];
    for (const [args, env, message] of cases) {
      const refused = await runCli(['serve', '--port', '0', ...args], { env: { TOTP_ENROLL_API_KEY: '', TOTP_ENROLL_CORS: '', TOTP_ENROLL_PUBLIC: '', ...env } });
      expect(refused.status, refused.stderr).to.equal(2);
      expect(refused.stdout).to.equal('');
      expect(refused.stderr).to.match(message);
      expect(refused.stderr, 'the key is never echoed').to.not.include('two words');
    }
  });

  it('refuses an address other machines can reach without an API key, unless --public', async () => {
    const refused = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { env: { TOTP_ENROLL_API_KEY: '', TOTP_ENROLL_PUBLIC: '' } });
    expect(refused.status).to.equal(2);
    expect(refused.stdout).to.equal('');
    expect(refused.stderr).to.match(/--host: 0\.0\.0\.0 can be reached from other machines; set TOTP_ENROLL_API_KEY \(or --api-key\), or pass --public/);
    // With --public (or TOTP_ENROLL_PUBLIC=1) the check passes and the command goes on to bind: 192.0.2.1 is a
    // documentation address no machine has, so it fails there, naming --host, without listening anywhere.
    for (const [args, env] of [[['--public'], {}], [[], { TOTP_ENROLL_PUBLIC: '1' }]] as const) {
      const bound = await runCli(['serve', '--host', '192.0.2.1', '--port', '0', ...args], { env: { TOTP_ENROLL_API_KEY: '', ...env } });
      expect(bound.status, JSON.stringify(env)).to.equal(1);
      expect(bound.stderr).to.match(/--host: cannot listen on 192\.0\.2\.1:0: EADDRNOTAVAIL/);
    }
  });

  it('refuses a bad --headers-timeout, naming it', async () => {
    const bad = await runCli(['serve', '--headers-timeout', '0']);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.match(/--headers-timeout: got "0"; expected a whole number from 1 to 300/);
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

  it('SIGTERM under a burst: every connection already accepted gets its whole answer, none is reset', async () => {
    const own = await startServer();
    const { hostname, port } = new URL(own.url);
    // A burst: 300 connections opened at once, each sending its request as soon as it is connected (accepted by the
    // kernel: the client cannot tell whether Node has taken it off the listen queue yet). The signal comes mid-burst.
    const BURST = 300;
    let connected = 0;
    let signalled = false;
    const answers = Array.from({ length: BURST }, (_, index) => new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(Number(port), hostname, () => {
        socket.write(`GET ${ROUTE}?account_name=burst-${index} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        if (++connected === BURST / 2 && !signalled) {
          signalled = true;
          own.child.kill('SIGTERM');
        }
      });
      socket.setEncoding('latin1').on('data', (data: string) => (text += data));
      // A connection refused (never accepted) is not one this test asks about; a reset after connecting is.
      socket.on('error', (error: NodeJS.ErrnoException) => (text ||= error.code === 'ECONNREFUSED' ? 'refused' : `error ${error.code}`));
      // A SYN the full listen queue dropped is retried for a long time: such a connection was never accepted either.
      socket.setTimeout(15_000, () => {
        if (socket.connecting) text ||= 'refused';
        socket.destroy();
      });
      socket.on('close', () => resolve(text));
    }));
    const texts = await Promise.all(answers);
    const [code] = await once(own.child, 'close');
    const accepted = texts.filter((text) => text !== 'refused');
    const whole = accepted.filter((text) => /^HTTP\/1\.1 200 /.test(text) && /"current_code":"\d{6}"\}\n$/.test(text));
    const failures = [...new Set(accepted.filter((text) => !whole.includes(text)).map((text) => text.slice(0, 40)))];
    expect(accepted.length).to.be.at.least(BURST / 2);
    expect(whole.length, `${accepted.length - whole.length} of ${accepted.length} accepted connections got no whole answer: ${failures.join(', ')}`).to.equal(accepted.length);
    expect(code).to.equal(0);
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
