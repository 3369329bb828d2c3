// A small sample login page for the Playwright example (sign-in.spec.ts): user name and password, then a second
// step asking for the authenticator code, checked with totp-enroll/core's verifyCode (one step of drift, no replay).
// It stands in for "the site under test" of a real project; the suite (test/examples/playwright.node.test.ts) starts
// it with the secret it "enrolled", and runs the example against it.
//
//   node examples/playwright/login-site.mjs 'otpauth://totp/…'   → prints its URL
import { createServer } from 'node:http';
import { parseKeyUri, verifyCode } from 'totp-enroll/core';

const page = (title, body) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1>${body}</html>`;

/**
 * Starts the site for one user: `user` / `password`, second factor the TOTP account of `uri`.
 * Resolves to its URL and what it saw (sign-ins accepted and refused), and `close()`.
 */
export async function startLoginSite({ uri, user = 'dev@example.com', password = 'correct horse', port = 0 }) {
  const { parameters, secret } = parseKeyUri(uri);
  const codeOptions = { secret: secret.bytes, digits: parameters.digits, period: parameters.period, algorithm: parameters.algorithm };
  const seen = { signedIn: 0, refused: 0 };
  let lastStep;
  const pending = new Set();

  const server = createServer(async (request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const form = request.method === 'POST' ? new URLSearchParams(await new Promise((done) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => done(body));
    })) : new URLSearchParams();
    if (url.pathname === '/login' && request.method === 'POST') {
      if (form.get('user') !== user || form.get('password') !== password) {
        seen.refused++;
        return response.end(page('Sign in', '<p role="alert">Wrong user name or password</p>'));
      }
      const ticket = crypto.randomUUID();
      pending.add(ticket);
      return response.end(
        page('Two-step verification', `<form method="post" action="/verify"><input type="hidden" name="ticket" value="${ticket}"><label>Code <input name="code" autocomplete="one-time-code" inputmode="numeric"></label><button>Verify</button></form>`),
      );
    }
    if (url.pathname === '/verify' && request.method === 'POST') {
      const ticket = form.get('ticket') ?? '';
      const result = pending.has(ticket) ? await verifyCode(codeOptions, form.get('code') ?? '', { afterStep: lastStep }) : { valid: false };
      if (!result.valid) {
        seen.refused++;
        return response.end(page('Two-step verification', '<p role="alert">Wrong code</p>'));
      }
      pending.delete(ticket);
      lastStep = result.step;
      seen.signedIn++;
      return response.end(page(`Welcome, ${user}`, '<p>Signed in.</p>'));
    }
    return response.end(
      page('Sign in', '<form method="post" action="/login"><label>Email <input name="user" autocomplete="username"></label><label>Password <input name="password" type="password" autocomplete="current-password"></label><button>Sign in</button></form>'),
    );
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((done) => server.close(() => done())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await startLoginSite({ uri: process.argv[2] ?? '', port: Number(process.env.PORT ?? 0) });
  console.log(site.url);
}
