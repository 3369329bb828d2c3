#!/usr/bin/env node
// `npm run examples [name…]`: the example apps under examples/ checked as a user's app would be, one after the other.
// For each app: install from its own lockfile (totp-enroll comes in as `file:../..` with `install-links=true`, i.e.
// a packed copy of this package as `npm pack` makes it, not a link to the source), type-check, type-check one file of
// deliberate misuse that must FAIL with the expected error, production build, serve the production build on
// 127.0.0.1 and drive it in headless Chromium: the element upgraded; its code equal to oathtool's for the secret it
// shows; the right code typed as a person would makes the framework's own form state hold the secret and submit it;
// the framework's event handler fired; not one console error or warning (hydration included).
//
// Each of those is one test; the last line is `N passed, N failed` (scripts/test.mjs's convention, read by CI).
// It builds dist/ first (`npm run build`), so the apps get this checkout's package.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browsers.mjs';
import { preflight } from './preflight.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const ENV = {
  ...process.env,
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  CI: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  NG_CLI_ANALYTICS: 'false',
  NG_FORCE_TTY: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/**
 * The apps. `misuse`: what the failing type check must say — the error located in the misuse file and about the
 * misused value, so that a misuse file failing for another reason (a missing import, say) does not count.
 * `output`: the directory a static server serves (single-page apps); `next`: served by `next start` instead.
 */
const APPS = [
  { name: 'react-vite', misuse: /src\/misuse\.tsx\(\d+,\d+\): error TS2322: Type '7' is not assignable/, output: 'dist' },
  { name: 'vue-vite', misuse: /src\/Misuse\.vue\(\d+,\d+\): error TS2322: Type '7' is not assignable/, output: 'dist' },
  { name: 'svelte-vite', misuse: /src\/Misuse\.svelte:\d+:\d+\s*\n?[^\n]*Type '7' is not assignable/, output: 'dist' },
  { name: 'angular', misuse: /src\/app\/misuse\.component\.ts:\d+:\d+ - error TS2339: Property 'secret' does not exist on type 'TotpVerifyDetail'/, output: 'dist/angular/browser' },
  { name: 'nextjs', misuse: /misuse\/misuse\.tsx\(\d+,\d+\): error TS2322: Type '7' is not assignable/, next: true },
];

const results = [];
const costs = [];

const STARTED = Date.now();

function record(app, name, ok, detail = '') {
  results.push({ app, name, ok });
  console.log(`${ok ? 'ok    ' : 'NOT OK'} ${app}: ${name} [${((Date.now() - STARTED) / 1000).toFixed(1)} s]${detail ? ` — ${detail}` : ''}`);
}

/** Runs a command in an app's directory; resolves with its exit code and output (printed only on failure). */
function run(cwd, command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    // eslint-disable-next-line no-control-regex -- some tools colour their output even when told not to.
    child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

async function timed(costsOfApp, stage, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    costsOfApp[stage] = (Date.now() - started) / 1000;
  }
}

/** A step that must exit 0; its output is shown when it does not. */
async function step(app, dir, name, command, args) {
  const { code, output } = await run(dir, command, args);
  record(app, name, code === 0, code === 0 ? '' : `exit ${code}`);
  if (code !== 0) console.log(output.split('\n').slice(-40).join('\n'));
  return code === 0;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.txt': 'text/plain' };

/** Serves a built single-page app: its files, and index.html for any other path (client-side routes). */
async function serveStatic(directory) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = join(directory, path);
    if (!file.startsWith(directory) || !existsSync(file) || statSync(file).isDirectory()) file = join(directory, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    }) };
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** `next start` on 127.0.0.1, ready once it answers. */
async function serveNext(dir) {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (data) => (output += data));
  child.stderr.on('data', (data) => (output += data));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(origin)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`next start did not answer:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    origin,
    serverOutput: () => output,
    // SIGKILL to the whole group: on SIGTERM next-server waits for the browser's keep-alive connections to end.
    close: async () => {
      const closed = once(child, 'close');
      process.kill(-child.pid, 'SIGKILL');
      await closed;
    },
  };
}

/** The code oathtool computes for a Base32 secret at a moment (SHA1, 6 digits, 30 s: the element's defaults). */
function oathtoolCode(base32, timestamp) {
  const when = new Date(Math.floor(timestamp / 1000) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return execFileSync('oathtool', ['--totp', '--base32', '--now', when, base32], { encoding: 'utf8' }).trim();
}

/** Waits out the last and first moments of a 30-second step, where the element's timer and ours may disagree. */
async function awayFromStepBoundary() {
  const into = Date.now() % 30_000;
  if (into < 1500 || into > 28_500) await new Promise((done) => setTimeout(done, 2500));
}

/** The app in Chromium, as a person uses it. Every check is one test. */
async function drive(app, browser, origin) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (['error', 'warn', 'warning', 'assert'].includes(message.type())) problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    await page.goto(origin, { waitUntil: 'load' });

    // Upgraded: the tag is defined, this element is an instance, and it rendered its secret in its shadow root.
    const upgraded = await page
      .waitForFunction(
        () => {
          const element = document.querySelector('totp-generator');
          const defined = customElements.get('totp-generator');
          return Boolean(element && defined && element instanceof defined && element.shadowRoot?.querySelector('[part~="secret"]')?.textContent?.trim());
        },
        { timeout: 30_000 },
      )
      .then(() => true, () => false);
    record(app, 'the element is upgraded and shows a secret', upgraded);
    if (!upgraded) return;

    // The secret and code as a person reads them off the screen (grouped in fours / threes), not the properties.
    await awayFromStepBoundary();
    const shown = await page.evaluate(() => {
      const root = document.querySelector('totp-generator').shadowRoot;
      const before = Date.now();
      const code = root.querySelector('[part~="code"]').textContent;
      const after = Date.now();
      return { secret: root.querySelector('[part~="secret"]').textContent.replace(/\s/g, ''), code: code.replace(/\D/g, ''), before, after };
    });
    const expected = new Set([oathtoolCode(shown.secret, shown.before), oathtoolCode(shown.secret, shown.after)]);
    record(app, "the code shown is oathtool's for the secret shown", expected.has(shown.code), `shown ${shown.code}, oathtool ${[...expected].join('/')}`);

    // The right code, typed into the element's field as a person types it.
    await awayFromStepBoundary();
    await page.type('totp-generator >>> [part~="verify"]', oathtoolCode(shown.secret, Date.now()));
    const handled = await page
      .waitForFunction(() => document.querySelector('#verified')?.textContent?.includes('Code verified'), { timeout: 10_000 })
      .then(() => true, () => false);
    record(app, "the framework's event handler fired (the app says the code is verified)", handled);

    await page.click('#enable');
    const submitted = await page
      .waitForFunction(() => document.querySelector('#submitted')?.textContent, { timeout: 10_000 })
      .then((handle) => handle.jsonValue().then((text) => JSON.parse(text)), (error) => ({ error: error.message }));
    const sameSecret = submitted.secret === shown.secret && submitted.formData === shown.secret;
    record(app, "the form's state holds the secret shown and the form submits it", sameSecret, sameSecret ? '' : `submitted ${JSON.stringify(submitted)}, shown ${shown.secret}`);

    // Late warnings (a hydration mismatch is reported after the first render) get a moment to arrive.
    await new Promise((done) => setTimeout(done, 500));
    record(app, 'no console error or warning, no failed request', problems.length === 0, problems.join(' | '));
  } finally {
    await page.close();
  }
}

async function checkApp(app, browser) {
  const dir = join(ROOT, 'examples', app.name);
  const cost = { app: app.name };
  costs.push(cost);
  // Build outputs and build caches of an earlier run go first, so every run builds (and costs) what CI's first does.
  for (const output of ['dist', '.next', '.angular']) rmSync(join(dir, output), { recursive: true, force: true });
  // npm ci removes node_modules and installs exactly the lockfile; the package itself is packed afresh from dist/.
  const installed = await timed(cost, 'install', () => step(app.name, dir, 'npm ci (from its lockfile)', 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']));
  if (!installed) return;
  await timed(cost, 'typecheck', async () => {
    await step(app.name, dir, 'type check', 'npm', ['run', '--silent', 'typecheck']);
    const { code, output } = await run(dir, 'npm', ['run', '--silent', 'typecheck:misuse']);
    const ok = code !== 0 && app.misuse.test(output);
    record(app.name, 'the deliberate misuse fails to type-check with the expected error', ok, ok ? '' : `exit ${code}`);
    if (!ok) console.log(output.split('\n').slice(-30).join('\n'));
  });
  const built = await timed(cost, 'build', () => step(app.name, dir, 'production build', 'npm', ['run', '--silent', 'build']));
  if (!built) return;
  await timed(cost, 'drive', async () => {
    let server;
    try {
      server = app.next ? await serveNext(dir) : await serveStatic(join(dir, app.output));
    } catch (error) {
      record(app.name, 'serve the production build', false, error.message);
      return;
    }
    try {
      await drive(app.name, browser, server.origin);
      if (app.next) {
        const log = server.serverOutput();
        const clean = !/HTMLElement is not defined|customElements is not defined|ReferenceError|⨯|Error:/.test(log);
        record(app.name, 'next start logged no server error (no "HTMLElement is not defined")', clean, clean ? '' : log);
      }
    } finally {
      await server.close();
    }
  });
}

const only = process.argv.slice(2);
const unknown = only.filter((name) => !APPS.some((app) => app.name === name));
if (unknown.length > 0) {
  console.error(`No such example: ${unknown.join(', ')}. Examples: ${APPS.map((app) => app.name).join(', ')}`);
  process.exit(2);
}

// Chromium and oathtool, as `npm test` finds or installs them.
const problem = preflight();
if (problem) {
  console.error(problem);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

console.log('=== build: npm run build (the apps install this checkout, packed)');
const build = await run(ROOT, 'npm', ['run', '--silent', 'build']);
record('totp-enroll', 'npm run build', build.code === 0);
if (build.code !== 0) console.log(build.output);

const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  for (const app of APPS) {
    if (only.length > 0 && !only.includes(app.name)) continue;
    if (build.code !== 0) break;
    console.log(`\n=== examples/${app.name}`);
    await checkApp(app, browser);
  }
} finally {
  await browser.close();
}

console.log('\nCost of each example (seconds): install, type checks, build, serve and drive');
for (const cost of costs) {
  const total = ['install', 'typecheck', 'build', 'drive'].reduce((sum, key) => sum + (cost[key] ?? 0), 0);
  console.log(`  ${cost.app.padEnd(12)} ${['install', 'typecheck', 'build', 'drive'].map((key) => `${key} ${(cost[key] ?? 0).toFixed(1)}`).join(', ')}; total ${total.toFixed(1)}`);
}
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) console.log(`\nFailed:\n${failed.map((result) => `  ${result.app}: ${result.name}`).join('\n')}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length > 0 ? 1 : 0);
