#!/usr/bin/env node
// Builds the `totp-enroll` command: src/cli/main.ts bundled with its dependencies into one executable ESM file,
// dist/cli.js. Bundling everything makes the file self-contained (it starts faster, and works when copied alone).
import { chmodSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  define: { __TOTP_ENROLL_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
