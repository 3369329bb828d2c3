// addons-linter (what `web-ext lint` and addons.mozilla.org run) over the whole built Firefox extension, Lit included:
// the only finding allowed is Lit's template parser assigning `template.innerHTML`, in Lit's own file. The `extension
// lint` stage of npm test runs the same linter with that file left out and --warnings-as-errors. The Chrome build is
// not linted by it (a Firefox linter refuses `background.service_worker` and wants a gecko id); manifest.node.test.ts
// checks that its files are these files, byte for byte, but for the manifest.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { FIREFOX_EXTENSION_DIR } from './firefox-extension.js';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

describe('extension: web-ext lint of dist/extension-firefox', function () {
  this.timeout(60_000);

  it('finds no error, notice or warning except the known one inside vendor/lit.js', async () => {
    // web-ext exits non-zero only for errors; its JSON report lists everything.
    const { stdout } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(report.errors).to.deep.equal([]);
    expect(report.notices).to.deep.equal([]);
    expect(report.warnings.map(({ code, file }) => ({ code, file }))).to.deep.equal([{ code: 'UNSAFE_VAR_ASSIGNMENT', file: 'vendor/lit.js' }]);
  });
});
