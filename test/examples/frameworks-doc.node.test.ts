// docs/frameworks.md shows the example apps' real code: each quoted block is its file, whole, and each app that
// scripts/examples.mjs checks is quoted (so what the page shows is what the examples check builds and drives).
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOC, ROOT, quoteExamples } from '../../scripts/quote-examples.mjs';

describe('docs/frameworks.md quotes the example apps (examples/*)', function () {
  const markdown = readFileSync(join(ROOT, DOC), 'utf8');
  const { stale, quoted } = quoteExamples(markdown);

  it('every quoted block equals its file (refresh with node scripts/quote-examples.mjs)', function () {
    expect(quoted.length).to.be.greaterThan(0);
    expect(stale).to.deep.equal([]);
  });

  it('quotes a file of every example app that npm run examples checks', function () {
    const checked = readFileSync(join(ROOT, 'scripts/examples.mjs'), 'utf8');
    const apps = readdirSync(join(ROOT, 'examples')).filter((name) => checked.includes(`name: '${name}'`));
    expect(apps).to.have.members(['react-vite', 'vue-vite', 'svelte-vite', 'angular', 'nextjs']);
    for (const app of apps) expect(quoted.some((path) => path.startsWith(`examples/${app}/`)), app).to.equal(true);
  });

  it('a quote that differs from its file is reported', function () {
    const first = quoted[0]!;
    const { stale: changed } = quoteExamples(markdown, (path) => (path === first ? 'changed\n' : readFileSync(join(ROOT, path), 'utf8')));
    expect(changed).to.deep.equal([first]);
  });
});
