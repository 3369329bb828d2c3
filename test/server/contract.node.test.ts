// One contract, every runtime: the same requests against the endpoint on Node (`totp-enroll serve`), Deno, workerd
// and Bun, each a real process on a free loopback port. Answers are checked against independent truth: otpauth parses
// the URI, oathtool computes the code, jsQR (via fast-png) and zbarimg read the PNG.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { codesBetween, oathtoolCode } from '../cli/cli-process.js';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { rawExchange, ROUTE, zbarimgRead } from './http.js';
import { RUNTIMES, startEndpoint, type RunningEndpoint } from './runtimes.js';

/** The hosted API's curl example, as the seed documents it. */
const CURL_QUERY = 'issuer=MyApp&account_name=user@example.com&digits=6&period=30';
const KEY = 's3cret-key';
const ORIGIN = 'https://admin.example.com';

for (const runtime of RUNTIMES) {
  describe(`endpoint contract on ${runtime}`, function () {
    let open: RunningEndpoint;
    let keyed: RunningEndpoint;
    before(async () => {
      [open, keyed] = await Promise.all([
        startEndpoint(runtime, { env: { TOTP_ENROLL_PUBLIC: '1' } }),
        startEndpoint(runtime, { env: { TOTP_ENROLL_API_KEY: KEY, TOTP_ENROLL_CORS: ORIGIN } }),
      ]);
    });
    after(async () => {
      await Promise.all([open?.stop(), keyed?.stop()]);
    });

    it("answers the hosted API's curl example: exactly secret, uri, qr_code, current_code, each checked independently", async () => {
      const before = Date.now();
      const response = await fetch(`${open.url}${ROUTE}?${CURL_QUERY}`);
      const after = Date.now();
      expect(response.status).to.equal(200);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
      const json = await response.json();
      expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
      const otp = OTPAuth.URI.parse(json.uri) as OTPAuth.TOTP;
      expect([otp.issuer, otp.label, otp.secret.base32, otp.digits, otp.period, otp.algorithm]).to.deep.equal(['MyApp', 'user@example.com', json.secret, 6, 30, 'SHA1']);
      expect(codesBetween((timestamp) => oathtoolCode(json.secret, timestamp), before, after)).to.include(json.current_code);
      const png = dataUriBytes(json.qr_code);
      expect(readQrFromPng(png), 'jsQR').to.equal(json.uri);
      expect(zbarimgRead(png), 'zbarimg').to.equal(json.uri);
    });

    it('SHA512, 8 digits, 60 s and a Unicode label: the code matches oathtool', async () => {
      const before = Date.now();
      const json = await (await fetch(`${open.url}${ROUTE}?issuer=Caf%C3%A9&account_name=j%C3%BCrgen%40example.com&digits=8&period=60&algorithm=SHA512`)).json();
      const after = Date.now();
      const otp = OTPAuth.URI.parse(json.uri) as OTPAuth.TOTP;
      expect([otp.issuer, otp.label, otp.digits, otp.period, otp.algorithm]).to.deep.equal(['Café', 'jürgen@example.com', 8, 60, 'SHA512']);
      expect(codesBetween((timestamp) => oathtoolCode(json.secret, timestamp, { digits: 8, period: 60, algorithm: 'SHA512' }), before, after)).to.include(json.current_code);
      expect(zbarimgRead(dataUriBytes(json.qr_code))).to.equal(json.uri);
    });

    it("passes every parameter to the core: recovery_codes=N (the core's, unknown to the handler) adds N codes", async () => {
      const json = await (await fetch(`${open.url}${ROUTE}?${CURL_QUERY}&recovery_codes=3`)).json();
      expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code', 'recovery_codes']);
      expect(json.recovery_codes).to.have.length(3);
      for (const code of json.recovery_codes) expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      const refused = await fetch(`${open.url}${ROUTE}?${CURL_QUERY}&recovery_codes=21`);
      expect(refused.status).to.equal(400);
      expect(await refused.json()).to.include({ error: 'invalid_parameter', parameter: 'recovery_codes' });
    });

    it('gives a fresh secret on every request', async () => {
      const secrets = await Promise.all([1, 2, 3, 4].map(async () => (await (await fetch(`${open.url}${ROUTE}?account_name=a`)).json()).secret));
      expect(new Set(secrets).size).to.equal(4);
    });

    const invalid: [string, string, RegExp][] = [
      ['account_name=', 'account_name', /account_name: is required/],
      ['issuer=MyApp', 'account_name', /account_name: is required/],
      ['account_name=a&digits=7', 'digits', /digits: got "7"; expected 6 or 8/],
      ['account_name=a&period=9', 'period', /period: got "9"; expected a whole number of seconds from 10 to 120/],
      ['account_name=a&algorithm=SHA-256', 'algorithm', /expected SHA1, SHA256, SHA512/],
      ['account_name=a:b', 'account_name', /contains a colon/],
      ['account_name=a&digits=6&digits=8', 'digits', /digits: given more than once; expected one value/],
      ['account_name=a&account_name=b', 'account_name', /given more than once/],
      ['account_name=%ZZ', 'account_name', /account_name: got "%ZZ", which is not valid percent-encoding/],
      ['account_name=%C3%28', 'account_name', /account_name: got "%C3%28", which is not valid percent-encoding/],
      ['account_name=a&issuer=%E2%82', 'issuer', /issuer: got "%E2%82", which is not valid percent-encoding/],
    ];
    for (const [query, parameter, message] of invalid) {
      it(`400 JSON for ${query}, naming ${parameter}`, async () => {
        const response = await fetch(`${open.url}${ROUTE}?${query}`);
        expect(response.status).to.equal(400);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
        const body = await response.json();
        expect(body).to.include({ error: 'invalid_parameter', parameter });
        expect(body.message).to.match(message);
        expect(body.allowed).to.be.a('string').and.not.equal('');
      });
    }

    it('404 JSON for other paths, 405 with Allow for other methods — all no-store', async () => {
      for (const path of ['/', '/v1/auth/totp-generate/', '/v1/auth/totp-generat', '/v2/auth/totp-generate', '/V1/AUTH/TOTP-GENERATE']) {
        const response = await fetch(`${open.url}${path}?account_name=a`);
        expect(response.status, path).to.equal(404);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect((await response.json()).error).to.equal('not_found');
      }
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await fetch(`${open.url}${ROUTE}?account_name=a`, { method });
        expect(response.status, method).to.equal(405);
        expect(response.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect((await response.json()).error).to.equal('method_not_allowed');
      }
    });

    it("HEAD: 200 with GET's headers and no body; OPTIONS: 204 with Allow", async () => {
      const head = await fetch(`${open.url}${ROUTE}?account_name=a`, { method: 'HEAD' });
      expect(head.status).to.equal(200);
      expect(head.headers.get('content-type')).to.equal('application/json; charset=utf-8');
      expect(head.headers.get('cache-control')).to.equal('no-store');
      expect(await head.text()).to.equal('');
      const badHead = await fetch(`${open.url}${ROUTE}?account_name=a&digits=7`, { method: 'HEAD' });
      expect(badHead.status).to.equal(400);
      const options = await fetch(`${open.url}${ROUTE}`, { method: 'OPTIONS' });
      expect(options.status).to.equal(204);
      expect(options.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
      expect(options.headers.get('cache-control')).to.equal('no-store');
      expect(options.headers.get('access-control-allow-origin'), 'no CORS unless configured').to.equal(null);
    });

    it('414 JSON for a path and query over 8 KB (not a dropped connection)', async () => {
      for (const size of [8200, 15_000]) {
        const response = await fetch(`${open.url}${ROUTE}?account_name=a&padding=${'x'.repeat(size)}`);
        expect(response.status, String(size)).to.equal(414);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        expect(await response.json()).to.include({ error: 'uri_too_long' });
      }
      // Just under the limit is answered as usual.
      const fits = await fetch(`${open.url}${ROUTE}?account_name=a&padding=${'x'.repeat(8000)}`);
      expect(fits.status).to.equal(200);
    });

    it('a GET with a body: the body is ignored, the answer comes at once, the connection serves the next request', async () => {
      const get = (body: string, length = body.length) => `GET ${ROUTE}?account_name=a HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n${body}`;
      const plain = `GET ${ROUTE}?account_name=b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
      const reused = await rawExchange(open.url, [get('{"account_name":"from-body","digits":"7"}'), plain]);
      expect(reused.statuses).to.deep.equal([200, 200]);
      expect(reused.text).not.to.contain('from-body');
      // A body announced but never sent: the answer does not wait for it.
      const promised = await rawExchange(open.url, [get('only part', 100_000)]);
      expect(promised.statuses).to.deep.equal([200]);
    });

    describe('with an API key and CORS', () => {
      it('401 with WWW-Authenticate without the right Bearer key, 200 with it', async () => {
        for (const authorization of [undefined, 'Bearer wrong', 'Bearer s3cret-ke', 'Bearer s3cret-key2', 'Basic czNjcmV0LWtleQ==', KEY, 'Bearer ']) {
          const response = await fetch(`${keyed.url}${ROUTE}?account_name=a`, { headers: authorization ? { authorization } : {} });
          expect(response.status, String(authorization)).to.equal(401);
          expect(response.headers.get('www-authenticate')).to.equal('Bearer realm="totp-enroll"');
          expect(response.headers.get('cache-control')).to.equal('no-store');
          expect((await response.json()).error).to.equal('unauthorized');
        }
        for (const authorization of [`Bearer ${KEY}`, `bearer ${KEY}`]) {
          const ok = await fetch(`${keyed.url}${ROUTE}?${CURL_QUERY}`, { headers: { authorization, origin: ORIGIN } });
          expect(ok.status, authorization).to.equal(200);
          expect(ok.headers.get('access-control-allow-origin')).to.equal(ORIGIN);
          expect(ok.headers.get('cache-control')).to.equal('no-store');
        }
      });

      it('checks the key before the parameters: a bad parameter without the key is 401', async () => {
        expect((await fetch(`${keyed.url}${ROUTE}?account_name=%ZZ`)).status).to.equal(401);
      });

      it('answers the CORS preflight without the key (browsers send none), allowing the Authorization header', async () => {
        const response = await fetch(`${keyed.url}${ROUTE}`, {
          method: 'OPTIONS',
          headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
        });
        expect(response.status).to.equal(204);
        expect(response.headers.get('access-control-allow-origin')).to.equal(ORIGIN);
        expect(response.headers.get('access-control-allow-methods')).to.equal('GET, HEAD');
        expect(response.headers.get('access-control-allow-headers')).to.match(/authorization/i);
        expect(response.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
        expect(response.headers.get('cache-control')).to.equal('no-store');
      });
    });

    it('logs method, route and status — never the query, the secret or the code', async () => {
      const json = await (await fetch(`${open.url}${ROUTE}?issuer=LogIssuer&account_name=logged-user@example.com`)).json();
      await fetch(`${open.url}/secret-path-JBSWY3DP?x=1`);
      await fetch(`${open.url}${ROUTE}?account_name=a`, { method: 'PROPFIND' }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the log lines cross the pipe
      const log = open.log();
      expect(log).to.match(new RegExp(`GET ${ROUTE} 200 `));
      expect(log).to.match(/GET \(other path\) 404 /);
      for (const leak of [json.secret, json.current_code, 'logged-user', 'LogIssuer', 'account_name', 'secret-path', 'JBSWY3DP', 'PROPFIND', '?']) {
        expect(log, leak).not.to.contain(leak);
      }
    });
  });
}

describe('endpoint settings on the module worker (Deno, workerd)', () => {
  for (const runtime of ['deno', 'workerd'] as const) {
    it(`${runtime}: without an API key and without TOTP_ENROLL_PUBLIC=1, every request is refused with 500 naming the setting`, async () => {
      const unset = await startEndpoint(runtime);
      try {
        const response = await fetch(`${unset.url}${ROUTE}?${CURL_QUERY}`);
        expect(response.status).to.equal(500);
        expect(response.headers.get('cache-control')).to.equal('no-store');
        const body = await response.json();
        expect(body.error).to.equal('not_configured');
        expect(body.message).to.contain('TOTP_ENROLL_API_KEY').and.contain('TOTP_ENROLL_PUBLIC');
      } finally {
        await unset.stop();
      }
    });
  }
});
