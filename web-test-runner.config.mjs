// Browser tests: the core's and the element's test files, and the saved-accounts store's crypto (test/extension/vault),
// in headless Debian Chromium and Firefox ESR.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { CHROMIUM_PATH, CHROMIUM_ARGS, FIREFOX_PATH } from './test/support/browsers.mjs';
import { countReporter } from './test/support/count-reporter.mjs';

/**
 * jsQR (the independent QR reader) ships only a UMD bundle. Give it a CommonJS scope and export what it assigns
 * to module.exports, so that tests can `import jsQR from 'jsqr'` in browsers as they do in Node.
 */
const umdAsEsm = {
  name: 'umd-as-esm',
  transform(context) {
    if (!/\/node_modules\/jsqr\/dist\/jsQR\.js$/.test(context.path)) return undefined;
    return { body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;` };
  },
};
const only = process.env.WTR_BROWSERS?.split(',') ?? ['chromium', 'firefox'];

export default {
  files: ['test/core/**/*.test.ts', 'test/element/**/*.test.ts', 'test/extension/vault/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  plugins: [
    umdAsEsm,
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  browsers: [
    only.includes('chromium') &&
      chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } }),
    only.includes('firefox') &&
      // One test file at a time: keyboard tests (sendKeys) act on the page that has focus, and with two files' pages
      // open a key meant for one could reach the other (a 20 s timeout in the recovery codes' keyboard test, once, in
      // a full run; never alone).
      puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true }, concurrency: 1 }),
  ].filter(Boolean),
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: false }),
    summaryReporter({ flatten: false }),
    countReporter({ outputFile: process.env.WTR_COUNTS ?? '.cache/wtr-counts.json' }),
  ],
};
