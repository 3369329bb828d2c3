#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/ (*.bench.mjs / *.bench.ts), one after another, on a fresh build.
// Benchmarks report speed and size as ratios against a baseline measured in the same run; tests never time things.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
for (const file of readdirSync('bench').filter((name) => /\.bench\.(mjs|ts)$/.test(name)).sort()) {
  if (only.filter((arg) => !arg.startsWith('--')).length > 0 && !only.some((name) => file.includes(name))) continue;
  console.log(`\n=== bench/${file}`);
  execFileSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
}
