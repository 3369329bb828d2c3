// What embedding costs (issue 20's numbers): bytes the React wrapper adds over the element, the core alone (no Lit),
// and server rendering of the element with @lit-labs/ssr in Node, cold (a fresh process: module loading and the
// first render) and warm (the same process, again). Bundles are made by esbuild, minified, from the package's exports
// (dist/, as an app's bundler sees them), React itself left out of both sides of the wrapper's comparison.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { median } from './median.js';

const ROOT = new URL('../', import.meta.url).pathname;

async function size(source: string, external: string[] = []): Promise<{ min: number; gzip: number; lit: boolean }> {
  const result = await esbuild.build({ stdin: { contents: source, resolveDir: ROOT }, bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', minify: true, external, metafile: true, logLevel: 'silent' });
  const text = result.outputFiles[0]!.contents;
  return { min: text.length, gzip: gzipSync(text, { level: 9 }).length, lit: Object.keys(result.metafile.inputs).some((input) => /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(input)) };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

const element = await size(`import 'totp-enroll/define';`);
const wrapper = await size(`export { TotpGenerator } from 'totp-enroll/react';`, ['react', 'react-dom']);
const core = await size(`import { generateCode } from 'totp-enroll/core'; console.log(generateCode);`);
const coreEnrollment = await size(`import { createEnrollment, generateCode } from 'totp-enroll/core'; console.log(createEnrollment, generateCode);`);

console.log('bundle sizes (esbuild, minified; gzip -9)');
console.log(`  totp-enroll/define (the element)            ${kB(element.min).padStart(10)}  gzip ${kB(element.gzip)}`);
console.log(`  totp-enroll/react (element + @lit/react)    ${kB(wrapper.min).padStart(10)}  gzip ${kB(wrapper.gzip)}   (react external)`);
console.log(`  -> the wrapper adds                         ${kB(wrapper.min - element.min).padStart(10)}  gzip ${kB(wrapper.gzip - element.gzip)}   (goal: <= 1 kB gzip: ${wrapper.gzip - element.gzip <= 1000 ? 'met' : 'MISSED'})`);
console.log(`  totp-enroll/core: generateCode only         ${kB(core.min).padStart(10)}  gzip ${kB(core.gzip)}   Lit inside: ${core.lit ? 'YES' : 'no'}`);
console.log(`  totp-enroll/core: createEnrollment + code   ${kB(coreEnrollment.min).padStart(10)}  gzip ${kB(coreEnrollment.gzip)}   Lit inside: ${coreEnrollment.lit ? 'YES' : 'no'}`);

// Server rendering: each cold run is a fresh Node process (imports + first render); warm is the median of later renders.
const RENDER = `
const t0 = performance.now();
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
await import('totp-enroll/define');
const t1 = performance.now();
const once = () => collectResult(render(html\`<totp-generator issuer="Acme" account-name="ada@example.com" name="totp"></totp-generator>\`));
await once();
const t2 = performance.now();
const warm = [];
for (let i = 0; i < 200; i++) { const s = performance.now(); const out = await once(); warm.push(performance.now() - s); if (!out.includes('Current code') || !out.includes('part="qr"')) throw new Error('warm render incomplete'); }
console.log(JSON.stringify({ imports: t1 - t0, first: t2 - t1, warm }));
`;
const runs = Array.from({ length: 7 }, () => JSON.parse(execFileSync('node', ['--input-type=module', '-e', RENDER], { cwd: ROOT, encoding: 'utf8' })) as { imports: number; first: number; warm: number[] });
const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log('\nserver rendering of <totp-generator> with @lit-labs/ssr in Node (7 fresh processes; medians)');
console.log(`  cold: imports (Lit, SSR, element)           ${ms(median(runs.map((run) => run.imports)))}`);
console.log(`  cold: first render                          ${ms(median(runs.map((run) => run.first)))}`);
console.log(`  warm: one render (median of 200 x 7)        ${ms(median(runs.flatMap((run) => run.warm)))}`);
