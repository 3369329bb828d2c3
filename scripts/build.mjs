#!/usr/bin/env node
// `npm run build`: every artefact in dist/, one step after another. Each part of the product owns its step.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const steps = [
  // The library: ESM entries with dependencies external (vite.config.ts).
  ['npx', ['vite', 'build', '--logLevel', 'warn']],
  // Type declarations for the library entries.
  ['npx', ['tsc', '-p', 'tsconfig.build.json']],
];
// Later parts add themselves here by existing.
if (existsSync('scripts/build-bundles.mjs')) steps.push(['node', ['scripts/build-bundles.mjs']]);
if (existsSync('vite.extension.config.ts')) steps.push(['npx', ['vite', 'build', '-c', 'vite.extension.config.ts', '--logLevel', 'warn']]);
if (existsSync('scripts/build-extension.mjs')) steps.push(['node', ['scripts/build-extension.mjs']]);
if (existsSync('scripts/build-cli.mjs')) steps.push(['node', ['scripts/build-cli.mjs']]);
if (existsSync('scripts/build-server.mjs')) steps.push(['node', ['scripts/build-server.mjs']]);

rmSync('dist', { recursive: true, force: true });
for (const [command, args] of steps) {
  console.log(`build: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
}
