#!/usr/bin/env node
// docs/frameworks.md shows the example apps' real files, not copies that could drift: each
// `<!-- quote: examples/…/file -->` line is followed by a fenced block holding exactly that file.
//
//   node scripts/quote-examples.mjs          rewrites those blocks from the files
//   node scripts/quote-examples.mjs --check  writes nothing; exits 1 naming each block that differs
//                                           (test/examples/frameworks-doc.node.test.ts runs the same check)
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const DOC = 'docs/frameworks.md';
const LANGUAGES = { '.tsx': 'tsx', '.ts': 'ts', '.vue': 'vue', '.svelte': 'svelte', '.json': 'json', '.js': 'js', '.html': 'html' };
const QUOTE = /^<!-- quote: (\S+) -->\n```[^\n]*\n[\s\S]*?^```$/gm;

/** The document with every quoted block set to its file's text; `stale` lists the files whose block differed. */
export function quoteExamples(markdown, read = (path) => readFileSync(join(ROOT, path), 'utf8')) {
  const stale = [];
  const quoted = [];
  const text = markdown.replace(QUOTE, (block, path) => {
    quoted.push(path);
    const fresh = `<!-- quote: ${path} -->\n\`\`\`${LANGUAGES[extname(path)] ?? ''}\n${read(path).replace(/\n$/, '')}\n\`\`\``;
    if (fresh !== block) stale.push(path);
    return fresh;
  });
  return { text, stale, quoted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(ROOT, DOC);
  const { text, stale } = quoteExamples(readFileSync(file, 'utf8'));
  if (process.argv.includes('--check')) {
    if (stale.length > 0) {
      console.error(`${DOC} quotes an older version of: ${stale.join(', ')}. Run node scripts/quote-examples.mjs.`);
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.log(stale.length > 0 ? `${DOC}: updated ${stale.join(', ')}` : `${DOC}: up to date`);
  }
}
