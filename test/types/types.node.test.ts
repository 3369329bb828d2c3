// The framework types: generated from custom-elements.json and not drifted from it, and they accept what the element
// accepts and refuse misuse (each refusal is a `@ts-expect-error` line in test/types/fixtures: one that compiles is
// an "unused @ts-expect-error" error, so the check fails).
import { execFileSync } from 'node:child_process';
import { expect } from 'chai';

const ROOT = new URL('../../', import.meta.url).pathname;

function run(command: string, args: string[]): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('framework types', function () {
  this.timeout(240_000);

  it('are what scripts/generate-types.mjs writes from custom-elements.json today', () => {
    const { code, output } = run('node', ['scripts/generate-types.mjs', '--check']);
    expect(output).to.equal('');
    expect(code).to.equal(0);
  });

  it('type-check correct use in React 19 JSX, the React wrapper, Vue, Svelte and the DOM, and refuse each misuse', () => {
    const { code, output } = run('npx', ['tsc', '-p', 'test/types/tsconfig.json']);
    expect(output).to.equal('');
    expect(code).to.equal(0);
  });
});
