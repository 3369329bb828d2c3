#!/usr/bin/env node
// Part of `npm run build` (scripts/build.mjs runs it after the library build):
//   dist/totp-generator.bundle.js      one self-registering file for <script type="module" src=…>: Lit and
//                                      the `qr` encoder inside, minified.
//   dist/totp-generator-offline.html   one HTML file that works opened from disk with the network off: the element and
//                                      src/pages/offline.ts inlined, under a hash-based Content-Security-Policy.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const BUNDLE_FILE = 'dist/totp-generator.bundle.js';
export const OFFLINE_FILE = 'dist/totp-generator-offline.html';

/**
 * esbuild options shared by the bundle, the offline page and the size benchmark (bench/element.bench.ts), so that
 * the benchmark measures exactly what ships. esbuild reads tsconfig.json for the decorator settings.
 */
export const BROWSER_BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // V8's explicit compile hint (Chrome 136+; to other engines a comment): compile every function along with the
  // script instead of at its first call. A page meets the element once, with nothing compiled yet, and the first
  // render calls most of the bundle (Lit's template machinery, the QR encoder), so compiling up front costs module
  // evaluation a few milliseconds and saves the first paint far more (`npm run bench` prints both; README).
  banner: { js: '//# allFunctionsCalledOnLoad' },
  // Lit's BSD-3-Clause notices travel with the code; esbuild keeps each distinct notice once, at the end.
  legalComments: 'eof',
  logLevel: 'warning',
};

/** The Content-Security-Policy of the offline page: nothing but its own inline style and script. */
export function offlinePolicy(styleHash, scriptHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    `style-src '${styleHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `sha256-…` as CSP wants it: base64 of the SHA-256 of the exact text between the tags. */
export function cspHash(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Text safe to put between <script> and </script> (or <style> tags): refuses what would end the element early, and
 * "<!--" together with "<script", which would put the HTML tokenizer into a state where "</script>" no longer ends it.
 * (A lone "<!--", as in an HTML comment in a Lit template, is harmless.)
 */
function inlineable(text, what) {
  if (/<\/(script|style)/i.test(text) || (text.includes('<!--') && /<script/i.test(text))) {
    throw new Error(`${what} contains "</script", "</style", or "<!--" and "<script", and cannot be inlined`);
  }
  return text;
}

async function buildBundle() {
  await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ['src/element/define.ts'], outfile: BUNDLE_FILE });
}

async function buildOfflinePage() {
  const script = await esbuild.build({ ...BROWSER_BUNDLE_OPTIONS, entryPoints: ['src/pages/offline.ts'], write: false });
  const style = await esbuild.transform(readFileSync('src/pages/pages.css', 'utf8'), { loader: 'css', minify: true });
  // The script element's text has to match its hash byte for byte, so no whitespace around it.
  const scriptText = inlineable(script.outputFiles[0].text.trimEnd(), 'the offline script');
  const styleText = inlineable(style.code.trimEnd(), 'the offline style');
  const policy = offlinePolicy(cspHash(styleText), cspHash(scriptText));
  let html = readFileSync('src/pages/offline.html', 'utf8');
  const replacements = [
    [/<!-- CSP:.*-->/, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`],
    ['<!-- STYLE -->', `<style>${styleText}</style>`],
    ['<!-- SCRIPT -->', `<script type="module">${scriptText}</script>`],
  ];
  for (const [placeholder, replacement] of replacements) {
    if (!html.match(placeholder)) throw new Error(`src/pages/offline.html lacks the placeholder ${placeholder}`);
    // A function, so that "$" in the minified script is not read as a replacement pattern.
    html = html.replace(placeholder, () => replacement);
  }
  writeFileSync(OFFLINE_FILE, html);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync('dist', { recursive: true });
  await buildBundle();
  await buildOfflinePage();
}
