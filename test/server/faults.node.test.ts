// The endpoint under load and faults, on every runtime, on loopback only and bounded in count and time: a load of
// keep-alive requests (every secret distinct, nothing secret in the log), clients that trickle their headers, and a
// graceful stop on SIGTERM. Latency and throughput are printed for people; only coarse bounds are asserted.
import { expect } from 'chai';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { ROUTE } from './http.js';
import { percentile, runLoad, startLoad, summary } from './load-client.js';
import { RUNTIMES, startEndpoint, type RuntimeName } from './runtimes.js';

const LOAD_REQUESTS = 20_000;
const LOAD_CONCURRENCY = 64;
/** A request log line as the handler writes it: nothing in it comes from the request but a known method and the route. */
const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE|\(other method\)) (\/v1\/auth\/totp-generate|\(other path\)) \d{3} \d+\.\d ms$/;
/** How long each runtime lets a client take over its request headers (Node's is set with --headers-timeout). */
const HEADER_TIMEOUT_SECONDS: Record<RuntimeName, number | undefined> = { node: 2, workerd: 15, bun: 10, deno: undefined };

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A client that sends a request line and then one header line every `everyMilliseconds`, never finishing. */
function slowClient(url: string, everyMilliseconds = 500): { socket: Socket; closedAfter: Promise<number> } {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  socket.write(`GET ${ROUTE}?account_name=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), everyMilliseconds);
  // Not events.once: it rejects on the 'error' (EPIPE) that writing to a socket the server has cut gives.
  const closedAfter = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve((performance.now() - started) / 1000);
    }),
  );
  return { socket, closedAfter };
}

/** Tries new connections to `url` until one is refused (or 5 s pass); the last outcome. */
async function firstRefusal(url: string): Promise<string> {
  let outcome = '';
  for (let tries = 0; tries < 250 && outcome !== 'ECONNREFUSED'; tries++) {
    outcome = await connectOutcome(url);
    if (outcome !== 'ECONNREFUSED') await sleep(20);
  }
  return outcome;
}

/** What a new connection to `url` meets: 'connected', or the error code (ECONNREFUSED once the listener is closed). */
function connectOutcome(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const probe = connect(Number(port), hostname);
    probe.on('connect', () => {
      probe.destroy();
      resolve('connected');
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Milliseconds each of `count` requests took, one after another. */
async function sequentialLatencies(url: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${ROUTE}?account_name=normal`);
    expect(response.status).to.equal(200);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/**
 * Sends one raw request and reads until the server closes or `timeoutMilliseconds` pass; with `halfClose`, the
 * client ends its side (FIN) right after sending, as `curl --http1.0` through some proxies and `nc -N` do.
 */
function rawRequest(url: string, request: string, { halfClose = false, timeoutMilliseconds = 5_000 } = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMilliseconds);
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => (text += data));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    if (halfClose) socket.end(request, 'latin1');
    else socket.write(request, 'latin1');
  });
}

/**
 * Whether a client that half-closes (FIN after its request) gets its answer: the endpoint's own part is Node's (it
 * must allow half-open sockets, and does). Deno's and Bun's servers closed such a connection before the answer was
 * ready in 2 of 4 runs each here, a behaviour of theirs no handler can change; workerd answered every time.
 */
const HALF_CLOSE_ANSWERED: Record<RuntimeName, boolean> = { node: true, workerd: true, deno: false, bun: false };

/** Host headers that `new URL()` cannot parse: a port past 65535, a malformed IPv6 address, an IPv4 past 255. */
const BAD_HOSTS = ['a:99999', '[::::::]', '999.999.999.999'];

for (const runtime of RUNTIMES) {
  describe(`endpoint under load and faults on ${runtime}`, function () {
    this.timeout(240_000);

    it('bad Host headers get a 400 JSON error naming the Host header, one log line without the query, and the endpoint stays up', async () => {
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' } });
      try {
        for (const host of BAD_HOSTS) {
          const answer = await rawRequest(endpoint.url, `GET ${ROUTE}?account_name=hostile-query HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
          expect(answer, host).to.match(/^HTTP\/1\.1 400 /);
          expect(answer, host).to.match(/^content-type: application\/json/im);
          const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: string; parameter: string; message: string };
          expect(body, host).to.include({ error: 'invalid_request', parameter: 'Host' });
          expect(body.message, host).to.match(/Host/);
        }
        const response = await fetch(`${endpoint.url}${ROUTE}?account_name=after`);
        expect(response.status, 'still answering afterwards').to.equal(200);
        await response.arrayBuffer();
        await sleep(300);
      } finally {
        expect(await endpoint.stop(), endpoint.log()).to.equal(0);
      }
      const log = endpoint.log();
      expect(log).to.not.include('hostile-query');
      expect(log).to.not.include('account_name');
      const badLines = log.split('\n').filter((line) => / 400 /.test(line));
      expect(badLines, log).to.have.length(BAD_HOSTS.length);
      for (const line of badLines) expect(line).to.match(LOG_LINE);
    });

    it('a CORS value with a line break or an API key with a space is a configuration error, not a crash at the first request', async function () {
      // Node's `totp-enroll serve` refuses to start (test/cli/serve.node.test.ts); a module worker has no start-up of
      // its own, so every request is told which variable is wrong, as when the key is missing.
      if (runtime === 'node') this.skip();
      for (const [env, variable] of [
        [{ TOTP_ENROLL_PUBLIC: '1', TOTP_ENROLL_CORS: 'https://a\r\nX: 1' }, 'TOTP_ENROLL_CORS'],
        [{ TOTP_ENROLL_API_KEY: 'two words' }, 'TOTP_ENROLL_API_KEY'],
      ] as const) {
        const endpoint = await startEndpoint(runtime, { env });
        try {
          const response = await fetch(`${endpoint.url}${ROUTE}?account_name=a`);
          expect(response.status).to.equal(500);
          const body = (await response.json()) as { error: string; message: string };
          expect(body.error).to.equal('not_configured');
          expect(body.message).to.match(new RegExp(`^${variable}: `));
          expect(body.message).to.not.include('two words');
        } finally {
          expect(await endpoint.stop()).to.equal(0);
        }
      }
    });

    it('with an API key, a client that half-closes after sending its request still gets its answer', async () => {
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_API_KEY: 'half-close-key' } });
      try {
        const request = (key: string) => `GET ${ROUTE}?account_name=half HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n\r\n`;
        const answers = [await rawRequest(endpoint.url, request('half-close-key'), { halfClose: true }), await rawRequest(endpoint.url, request('wrong-key'), { halfClose: true })];
        if (HALF_CLOSE_ANSWERED[runtime]) {
          expect(answers[0]).to.match(/^HTTP\/1\.1 200 /);
          expect(answers[1]).to.match(/^HTTP\/1\.1 401 /);
        } else {
          // The runtime's own HTTP server may close the connection at the client's FIN before the answer is ready
          // (docs/server.md); all the endpoint can promise there is that it answers whole or not at all, and stays up.
          console.log(`      ${runtime}: half-closing clients answered: ${answers.map((answer) => answer.slice(0, 12) || 'nothing').join(', ')}`);
          for (const answer of answers) expect(answer).to.match(/^$|^HTTP\/1\.1 (200|401) /);
        }
        const after = await fetch(`${endpoint.url}${ROUTE}?account_name=a`, { headers: { authorization: 'Bearer half-close-key' } });
        expect(after.status, 'still answering').to.equal(200);
        await after.arrayBuffer();
      } finally {
        expect(await endpoint.stop()).to.equal(0);
      }
    });

    it(`${LOAD_REQUESTS.toLocaleString('en')} requests on ${LOAD_CONCURRENCY} keep-alive connections: 0 errors, every secret distinct, no secret, code or account name in the log`, async () => {
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' } });
      let result;
      try {
        result = await runLoad(endpoint.url, { total: LOAD_REQUESTS, concurrency: LOAD_CONCURRENCY });
        await sleep(300); // the last log lines cross the pipe
      } finally {
        expect(await endpoint.stop()).to.equal(0);
      }
      console.log(`      ${runtime}: ${summary(result)}`);
      expect(result.errors.slice(0, 5)).to.deep.equal([]);
      expect(result.secrets).to.have.length(LOAD_REQUESTS);
      expect(new Set(result.secrets).size).to.equal(LOAD_REQUESTS);

      // Request lines are safe by their shape (every part is from a fixed list or a number); every other line — the
      // runtime's own start and stop messages — is searched for every secret, code and account name served.
      const lines = endpoint.log().split('\n').filter((line) => line !== '');
      const requestLines = lines.filter((line) => LOG_LINE.test(line));
      expect(requestLines.filter((line) => line.includes(` GET ${ROUTE} 200 `))).to.have.length(LOAD_REQUESTS);
      const otherLines = lines.filter((line) => !LOG_LINE.test(line));
      expect(otherLines.length, otherLines.join('\n')).to.be.below(10);
      const served = [...result.secrets, ...result.codes, ...result.accountNames, 'load-', 'LoadTest', 'account_name'];
      for (const line of otherLines) expect(served.filter((value) => line.includes(value)), line).to.deep.equal([]);
    });

    it('50 clients trickling their headers: normal requests still answer in their usual time', async () => {
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' }, nodeArgs: ['--headers-timeout', '2'] });
      const slow: ReturnType<typeof slowClient>[] = [];
      try {
        await sequentialLatencies(endpoint.url, 5); // warm-up
        const usual = percentile(await sequentialLatencies(endpoint.url, 20), 0.5);
        for (let i = 0; i < 50; i++) slow.push(slowClient(endpoint.url));
        await sleep(300);
        const meanwhile = percentile(await sequentialLatencies(endpoint.url, 20), 0.5);
        const stillOpen = slow.filter(({ socket }) => !socket.closed).length;
        console.log(`      ${runtime}: median ${usual.toFixed(1)} ms alone, ${meanwhile.toFixed(1)} ms with ${stillOpen} slow clients connected`);
        expect(stillOpen, 'the slow clients were connected while the normal requests ran').to.equal(50);
        // A coarse bound on a shared machine: starved, the requests would wait for the header timeout (seconds).
        expect(meanwhile).to.be.below(usual * 4 + 250);
      } finally {
        for (const { socket } of slow) socket.destroy();
        await endpoint.stop();
      }
    });

    it('a client trickling its headers is cut at the header timeout', async function () {
      const timeout = HEADER_TIMEOUT_SECONDS[runtime];
      // `deno serve` has no header timeout (a trickling client was still connected after 70 s): docs/server.md puts
      // a reverse proxy or Deno Deploy's front in front of it for that.
      if (timeout === undefined) this.skip();
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' }, nodeArgs: ['--headers-timeout', String(timeout)] });
      try {
        const clients = Array.from({ length: 5 }, () => slowClient(endpoint.url));
        const closedAfter = await Promise.race([Promise.all(clients.map(({ closedAfter }) => closedAfter)), sleep((timeout! + 10) * 1000).then(() => undefined)]);
        for (const { socket } of clients) socket.destroy();
        expect(closedAfter, `still connected ${timeout! + 10} s later`).to.not.equal(undefined);
        console.log(`      ${runtime}: cut after ${closedAfter!.map((seconds) => seconds.toFixed(1)).join(', ')} s (header timeout ${timeout} s)`);
        for (const seconds of closedAfter!) expect(seconds).to.be.within(timeout! - 0.5, timeout! + 5);
      } finally {
        await endpoint.stop();
      }
    });

    it('SIGTERM under load: requests in flight finish whole, new connections are refused, exit 0', async function () {
      const endpoint = await startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' } });
      const exited = once(endpoint.child, 'exit') as Promise<[number | null, string | null]>;
      let gone = false;
      void exited.then(() => (gone = true));
      const load = startLoad(endpoint.url, { seconds: 20, concurrency: 32, stop: () => gone });
      await sleep(1500);
      const before = { answered: load.live.secrets.length };
      endpoint.child.kill('SIGTERM');
      const signalled = performance.now();
      const refused = await firstRefusal(endpoint.url);
      const [code, signal] = await exited;
      const result = await load.done;
      const transport = result.errors.filter((error) => !/status/.test(error));
      console.log(
        `      ${runtime}: ${result.secrets.length - before.answered} answers completed after SIGTERM, exit ${code ?? signal} after ${(performance.now() - signalled).toFixed(0)} ms; ` +
          `new connection: ${refused}; ${transport.length} requests sent on a closing connection failed (${[...new Set(transport.map((error) => error.replace(/^#\d+: /, '')))].join(', ') || 'none'})`,
      );
      expect(code).to.equal(0);
      // Every answer that came was a whole 200 (a half answer fails JSON.parse in the client, a 5xx is a status error).
      expect(result.errors.filter((error) => /status/.test(error))).to.deep.equal([]);
      expect(result.secrets.length - before.answered, 'requests in flight at the signal were answered').to.be.above(0);
      expect(new Set(result.secrets).size).to.equal(result.secrets.length);
      expect(refused).to.equal('ECONNREFUSED');
    });
  });
}


