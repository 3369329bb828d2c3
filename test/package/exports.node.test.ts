// The package as servers and bundlers meet it (needs `npm run build`: it imports dist/ through package.json's
// exports, as an app does):
// - every export but the browser bundle imports in Node, Deno and Bun with no DOM, and leaves none behind (the
//   element touches no HTMLElement, document or window at module scope; `customElements` is Lit's server shim);
// - sideEffects: a bundler importing generateCode from totp-enroll/core ships no Lit; define still registers the tag.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import * as esbuild from 'esbuild';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'node_modules/.bin');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown>; sideEffects: string[] };

/** The module exports a server may import: all but the browser bundle and the JSON files. */
const SERVER_EXPORTS = Object.keys(pkg.exports).filter((key) => key !== './bundle' && !key.endsWith('.json')).map((key) => `${pkg.name}${key.slice(1)}`);

const script = `
const imported = [];
for (const specifier of ${JSON.stringify(SERVER_EXPORTS)}) { await import(specifier); imported.push(specifier); }
console.log(JSON.stringify({ imported, HTMLElement: typeof HTMLElement, document: typeof document, window: typeof window, registered: typeof globalThis.customElements?.get('totp-generator') }));
`;

const RUNTIMES: Record<string, string[]> = {
  node: ['node', '--input-type=module', '-e', script],
  deno: [join(BIN, 'deno'), 'eval', '--quiet', script],
  bun: [join(BIN, 'bun'), '-e', script],
};

describe('package exports on servers', function () {
  this.timeout(120_000);

  it('lists the exports it checks (every module export but ./bundle)', () => {
    expect(SERVER_EXPORTS).to.include.members(['totp-enroll/core', 'totp-enroll/element', 'totp-enroll/define', 'totp-enroll/react', 'totp-enroll/jsx', 'totp-enroll/vue', 'totp-enroll/svelte', 'totp-enroll/server']);
  });

  for (const [runtime, [command, ...args]] of Object.entries(RUNTIMES)) {
    it(`${runtime}: every export imports without a DOM and defines none`, () => {
      const output = execFileSync(command!, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const result = JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(result).to.deep.equal({ imported: SERVER_EXPORTS, HTMLElement: 'undefined', document: 'undefined', window: 'undefined', registered: 'function' });
    });
  }
});

describe('sideEffects', function () {
  this.timeout(60_000);

  async function bundle(source: string): Promise<{ inputs: string[]; text: string }> {
    const result = await esbuild.build({ stdin: { contents: source, resolveDir: ROOT }, bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, metafile: true, logLevel: 'silent' });
    return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles[0]!.text };
  }

  it('names only the modules that register <totp-generator>', () => {
    expect(pkg.sideEffects.filter((file) => file.startsWith('./dist/'))).to.deep.equal(['./dist/define.js', './dist/react.js', './dist/totp-generator.bundle.js']);
  });

  it('a bundle of generateCode from totp-enroll/core holds no Lit', async () => {
    const { inputs, text } = await bundle(`import { generateCode } from '${pkg.name}/core'; console.log(generateCode);`);
    expect(inputs.filter((input) => /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(input))).to.deep.equal([]);
    expect(text).to.not.match(/customElements|lit-html|LitElement/);
    expect(text).to.contain('HMAC');
  });

  it('an unused import of totp-enroll/element is dropped whole; totp-enroll/define keeps its registration', async () => {
    const unused = await bundle(`import { TotpGenerator } from '${pkg.name}/element'; export const x = 1;`);
    expect(unused.text).to.not.contain('customElements');
    const define = await bundle(`import '${pkg.name}/define';`);
    expect(define.text).to.match(/customElements\??\.define\(\s*"totp-generator"/);
  });
});
