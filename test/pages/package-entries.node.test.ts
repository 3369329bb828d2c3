// The package's entries as a consumer's bundler sees them (package.json "exports", resolved by esbuild against the
// built dist/): the element's entry registers nothing, the define entry registers the tag, the types declare the tag.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

/** A consumer's bundle of `import … from '<specifier>'`, dependencies left out, as text. */
async function consumerBundle(specifier: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: `export * from '${specifier}';\nimport '${specifier}';\n`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    external: ['lit', 'lit/*', '@scure/*', 'qr', 'qr/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('package entries (built dist/)', () => {
  before(function () {
    if (!existsSync('dist/element.js')) throw new Error('run `npm run build` first');
  });

  it('every path in package.json "exports" exists', () => {
    const { exports } = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | Record<string, string>> };
    const paths = Object.values(exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    expect(paths.filter((path) => !existsSync(path))).to.deep.equal([]);
  });

  it('totp-enroll/element exports the class and registers no tag', async () => {
    const code = await consumerBundle('totp-enroll/element');
    expect(code).to.match(/\bTotpGenerator\b/);
    expect(code).to.not.include('customElements.define');
  });

  it('totp-enroll/define registers <totp-generator>, only if not yet registered', async () => {
    const code = await consumerBundle('totp-enroll/define');
    expect(code).to.match(/customElements\??\.get\(["']totp-generator["']\)/);
    expect(code).to.match(/customElements\??\.define\(["']totp-generator["']/);
  });

  for (const lang of ['de', 'fr', 'es']) {
    it(`totp-enroll/strings/${lang} exports the ${lang} strings alone: no element, no English, no tag`, async () => {
      const code = await consumerBundle(`totp-enroll/strings/${lang}`);
      const strings = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, { lang: string }>;
      expect(Object.keys(strings)).to.deep.equal([lang]);
      expect(strings[lang]!.lang).to.equal(lang);
      expect(code).to.not.include('TotpGenerator').and.not.include('customElements').and.not.include('Current code');
      expect(readFileSync(`dist/types/element/strings-${lang}.d.ts`, 'utf8')).to.include(`export declare const ${lang}: TotpGeneratorStrings;`);
    });
  }

  it("the define entry's types declare the tag in HTMLElementTagNameMap", () => {
    const types = readFileSync('dist/types/element/define.d.ts', 'utf8');
    expect(types).to.match(/interface HTMLElementTagNameMap\s*{\s*['"]totp-generator['"]: TotpGenerator;/);
  });
});

describe('package entry totp-enroll/server (built dist/server.js)', () => {
  it('is self-contained: no import of any kind, so Deno, workerd and Bun load it as it is', () => {
    const code = readFileSync('dist/server.js', 'utf8');
    expect(code).to.not.match(/^\s*import\s/m);
    expect(code).to.not.match(/\bimport\(|\brequire\(|["']node:/);
  });

  it('exports createFetchHandler and a module worker whose fetch answers a Request', async () => {
    const { default: worker, createFetchHandler } = (await import(`${process.cwd()}/dist/server.js`)) as typeof import('../../src/server/index.js');
    const response = await createFetchHandler()(new Request('http://localhost/v1/auth/totp-generate?account_name=a'));
    expect(response.status).to.equal(200);
    // No key and no TOTP_ENROLL_PUBLIC in the bindings or the environment: the worker fails closed.
    const refused = await worker.fetch(new Request('http://localhost/v1/auth/totp-generate?account_name=a'), { TOTP_ENROLL_API_KEY: '' });
    expect(refused.status).to.equal(500);
    const keyed = await worker.fetch(new Request('http://localhost/v1/auth/totp-generate?account_name=a', { headers: { authorization: 'Bearer k' } }), { TOTP_ENROLL_API_KEY: 'k' });
    expect(keyed.status).to.equal(200);
  });

  it('declares its types', () => {
    const types = readFileSync('dist/types/server/index.d.ts', 'utf8');
    expect(types).to.match(/createFetchHandler/);
    expect(types).to.match(/export \{ default \} from/);
  });
});
