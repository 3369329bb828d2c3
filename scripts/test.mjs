#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one closing line `N passed, N failed` that CI reads.
//
// Checks that are not test suites (type check, lint, build, extension lint, manifest freshness) count as one test
// each. Test suites report their own counts: mocha's "N passing/failing/pending", web-test-runner's through
// test/support/count-reporter.mjs. A suite that dies before reporting counts as one failure.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { preflight } from './preflight.mjs';

const CACHE = '.cache';
mkdirSync(CACHE, { recursive: true });

/** @type {{ name: string, command: string, args: string[], env?: Record<string, string>, counts?: (output: string) => {passed:number, failed:number, skipped:number} | undefined }[]} */
const stages = [
  { name: 'type check', command: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] },
  { name: 'custom-elements.json fresh', command: 'node', args: ['scripts/check-custom-elements.mjs'] },
  // The built Firefox extension as addons.mozilla.org validates it: 0 errors, 0 warnings. Lit's own file is left out;
  // its one known warning (template.innerHTML) is pinned by test/extension/web-ext-lint.node.test.ts. The Chrome
  // build has the same files but for its manifest (test/extension/manifest.node.test.ts checks both).
  { name: 'extension lint', command: 'npm', args: ['run', '--silent', 'extension:lint'] },
  { name: 'node tests', command: 'npx', args: ['mocha'], counts: mochaCounts },
  // One browser at a time: on a 2-core CI machine, Firefox and Chromium side by side starve each other's pages and
  // long property tests run out of time.
  { name: 'browser tests (Chromium)', command: 'npx', args: ['web-test-runner'], env: { WTR_BROWSERS: 'chromium' }, counts: wtrCounts },
  { name: 'browser tests (Firefox)', command: 'npx', args: ['web-test-runner'], env: { WTR_BROWSERS: 'firefox' }, counts: wtrCounts },
];

function mochaCounts(output) {
  // Strip colour codes; mocha prints "  12 passing (3s)", "  1 failing", "  2 pending".
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC.
  const text = output.replace(/\x1b\[[0-9;]*m/g, '');
  const number = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: number('passing'), failed: number('failing'), skipped: number('pending') };
  return counts.passed + counts.failed + counts.skipped > 0 ? counts : undefined;
}

function wtrCounts() {
  const file = `${CACHE}/wtr-counts.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function run({ command, args, env = {} }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, FORCE_COLOR: '0' } });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (data) => {
        output += data;
        (stream === child.stdout ? process.stdout : process.stderr).write(data);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// Before any test: the browsers and reference tools, installed as root on Debian, else one message and a stop.
const problem = preflight();
if (problem) {
  console.error(problem);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
for (const stage of stages) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  rmSync(`${CACHE}/wtr-counts.json`, { force: true });
  const started = Date.now();
  console.log(`\n=== ${stage.name}: ${stage.command} ${stage.args.join(' ')}`);
  const { code, output } = await run(stage);
  let counts = stage.counts?.(output);
  if (!counts) counts = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  // A non-zero exit with no failing test counted (a crash after the tests, say) is still a failure.
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  if (counts.failed > 0) failures.push(stage.name);
  console.log(`=== ${stage.name}: exit ${code}, ${counts.passed} ok / ${counts.failed} not ok / ${counts.skipped} skipped, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
if (totals.skipped > 0) console.log(`${totals.skipped} skipped (counted in neither number below)`);
// CI reads this exact shape from the last line.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
