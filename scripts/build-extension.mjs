#!/usr/bin/env node
// `npm run build`, extension part 2 (after vite.extension.config.ts built the popup into dist/extension-files/): the
// background script (src/extension/background.ts, bundled into one self-contained background.js), _locales and icons
// next to the popup; then one unpacked extension per browser, the same files with that browser's manifest —
// dist/extension-chrome/ and dist/extension-firefox/ — and one zip per store from the matching folder with
// `web-ext build` in dist/extension-zips/.
//
// Why two manifests: Chrome's MV3 runs a background only as `background.service_worker`, which Firefox refuses;
// Firefox runs `background.scripts`, which Chrome refuses. Each manifest is manifest.json (what both share) plus
// manifest.<browser>.json (the background, and Firefox's browser_specific_settings), which may only add keys.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const FILES = 'dist/extension-files';
const ZIPS = 'dist/extension-zips';
const BROWSERS = ['chrome', 'firefox'];

if (!existsSync(`${FILES}/popup.html`)) throw new Error(`${FILES}/popup.html is missing: run vite build -c vite.extension.config.ts first`);

// One file, no import or export left: Chrome's service worker and Firefox's background script both run it as a
// classic script. Unminified, as the popup's code: store reviewers read it.
await build({
  entryPoints: ['src/extension/background.ts'],
  outfile: `${FILES}/background.js`,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  banner: { js: '// The background script: the read-page and fill-code shortcuts, auto-lock of the saved accounts; source and why: src/extension/background.ts' },
  logLevel: 'warning',
});
cpSync('_locales', `${FILES}/_locales`, { recursive: true });
cpSync('public/icons', `${FILES}/icons`, { recursive: true });

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const shared = JSON.parse(readFileSync('manifest.json', 'utf8'));
rmSync(ZIPS, { recursive: true, force: true });
mkdirSync(ZIPS, { recursive: true });
for (const browser of BROWSERS) {
  const own = JSON.parse(readFileSync(`manifest.${browser}.json`, 'utf8'));
  const overridden = Object.keys(own).filter((key) => key in shared);
  if (overridden.length > 0) throw new Error(`manifest.${browser}.json may only add keys; it repeats ${overridden.join(', ')} from manifest.json`);
  const out = `dist/extension-${browser}`;
  rmSync(out, { recursive: true, force: true });
  cpSync(FILES, out, { recursive: true });
  writeFileSync(`${out}/manifest.json`, `${JSON.stringify({ ...shared, ...own, version }, null, 2)}\n`);
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', out, '--artifacts-dir', ZIPS, '--filename', `totp-enroll-${browser}-${version}.zip`, '--overwrite-dest', '--no-config-discovery'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}
rmSync(FILES, { recursive: true, force: true });
console.log(`build-extension: ${BROWSERS.map((browser) => `dist/extension-${browser}/`).join(', ')} and ${ZIPS}/totp-enroll-{${BROWSERS.join(',')}}-${version}.zip`);
