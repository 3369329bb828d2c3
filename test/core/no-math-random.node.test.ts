// Secrets come from crypto.getRandomValues only: Math.random must not appear anywhere in the product's source.
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js|mjs|html)$/.test(name) ? [path] : [];
  });
}

describe('randomness', () => {
  it('no file in src/ mentions Math.random', () => {
    const files = sourceFiles('src');
    expect(files.length).to.be.greaterThan(5);
    const offenders = files.filter((file) => /Math\s*\.\s*random|Math\[['"]random['"]\]/.test(readFileSync(file, 'utf8')));
    expect(offenders).to.deep.equal([]);
  });
});
