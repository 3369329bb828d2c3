// Lint: typescript-eslint's recommended rules, plus the project's promises as rules where a rule can keep them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // The example apps' installs and build outputs are theirs; their sources are linted like ours.
  { ignores: ['dist/', 'node_modules/', '.cache/', 'coverage/', 'custom-elements.json', 'bench/baseline/', 'tmp/', 'examples/*/dist/', 'examples/*/.next/', 'examples/*/.angular/', 'examples/*/out-tsc/', 'examples/*/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Secrets come from crypto.getRandomValues only (also enforced by test/core/no-math-random.node.test.ts).
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use crypto.getRandomValues.' }],
      // Never log: a log line is where secrets leak.
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core runs in Node and Workers too: no DOM.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'customElements', 'fetch', 'XMLHttpRequest'],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      // The endpoint runs on Node, Deno, workerd and Bun: web-standard APIs only, and the core as its one layer below.
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'src/server runs outside Node too: web-standard APIs only.' }, { group: ['../cli/*', '../element/*', '../extension/*', '../pages/*'], message: 'src/server depends on src/core only.' }] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'window', 'document'],
    },
  },
);
