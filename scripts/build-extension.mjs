#!/usr/bin/env node
// `npm run build`, extension part 2 (after vite.extension.config.ts built the popup into dist/extension/):
// the manifest (its version taken from package.json), _locales and icons next to it, then one zip per store with
// `web-ext build` in dist/extension-zips/. The same files serve Chrome and Firefox; the zips differ only in name.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const OUT = 'dist/extension';
const ZIPS = 'dist/extension-zips';

if (!existsSync(`${OUT}/popup.html`)) throw new Error(`${OUT}/popup.html is missing: run vite build -c vite.extension.config.ts first`);

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
writeFileSync(`${OUT}/manifest.json`, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
cpSync('_locales', `${OUT}/_locales`, { recursive: true });
cpSync('public/icons', `${OUT}/icons`, { recursive: true });

rmSync(ZIPS, { recursive: true, force: true });
mkdirSync(ZIPS, { recursive: true });
for (const store of ['chrome', 'firefox']) {
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', OUT, '--artifacts-dir', ZIPS, '--filename', `totp-enroll-${store}-${version}.zip`, '--overwrite-dest', '--no-config-discovery'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
console.log(`build-extension: ${OUT}/ and ${ZIPS}/totp-enroll-{chrome,firefox}-${version}.zip`);
