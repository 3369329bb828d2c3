// What the popup may import when it opens (issue 18: opening stays as fast as before when nothing is saved): the
// store's crypto-free modules, status.ts and fill-request.ts, reach no crypto, no Vault and no core — checked on the
// bundle esbuild makes of them, so an import added anywhere down the line is caught.
import { expect } from 'chai';
import { build } from 'esbuild';

describe('vault: the popup-facing modules stay small and crypto-free', () => {
  it('status.ts and fill-request.ts bundle without vault.ts, crypto.ts, transfer.ts or the core', async () => {
    const result = await build({
      stdin: { contents: `export * from './src/extension/vault/status.ts'; export * from './src/extension/vault/fill-request.ts';`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      write: false,
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs).filter((input) => input !== '<stdin>').sort();
    expect(inputs).to.deep.equal(['src/extension/vault/fill-request.ts', 'src/extension/vault/status.ts']);
    expect(result.outputFiles[0]!.text).not.to.match(/crypto\.subtle|PBKDF2\b(?!-)/);
  });
});
