#!/usr/bin/env node
// Test stage "custom-elements.json fresh": regenerates the manifest into .cache/ and compares it with the committed
// custom-elements.json, so that a change to the element's API cannot ship with a stale manifest.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const FRESH_DIR = '.cache/custom-elements-fresh';
rmSync(FRESH_DIR, { recursive: true, force: true });
mkdirSync(FRESH_DIR, { recursive: true });
execFileSync('npx', ['cem', 'analyze', '--outdir', FRESH_DIR], { stdio: 'inherit' });

const committed = readFileSync('custom-elements.json', 'utf8');
const fresh = readFileSync(`${FRESH_DIR}/custom-elements.json`, 'utf8');
if (committed !== fresh) {
  console.error('custom-elements.json is out of date with src/element: run `npm run manifest` and commit the result.');
  process.exit(1);
}
const tags = JSON.parse(fresh).modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
if (!tags.some((declaration) => declaration.tagName === 'totp-generator')) {
  console.error('custom-elements.json declares no <totp-generator>: the element or the analyzer configuration changed.');
  process.exit(1);
}
// The framework types and editor data written from it (scripts/generate-types.mjs) must match it too.
execFileSync('node', ['scripts/generate-types.mjs', '--check'], { stdio: 'inherit' });
console.log('custom-elements.json is fresh, and so are the types and editor data generated from it.');
