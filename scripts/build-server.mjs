#!/usr/bin/env node
// Builds the endpoint's entry, dist/server.js: src/server/index.ts bundled with the core and its dependencies into
// one self-contained ESM file with no Node import, so that Deno (`deno serve dist/server.js`), Cloudflare's workerd
// and Bun load it as it is — no bundler, no node_modules, no npm: specifiers on the edge.
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['src/server/index.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  // Neutral: no Node built-in may slip in (esbuild fails on an unresolvable `node:` import instead).
  platform: 'neutral',
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
const nodeImports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((entry) => entry.path.startsWith('node:')));
if (nodeImports.length > 0) throw new Error(`dist/server.js must not import Node modules: ${nodeImports.map((entry) => entry.path).join(', ')}`);
