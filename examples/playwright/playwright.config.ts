// Playwright's configuration for the example. `LOGIN_URL` is the site under test; `CHROMIUM_PATH` lets Playwright
// drive an installed Chromium (our suite uses Debian's /usr/bin/chromium) instead of one it downloads.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'sign-in.spec.ts',
  reporter: 'line',
  // Screenshots and traces of failures, out of the source tree.
  outputDir: '../../.cache/playwright-results',
  retries: 0,
  workers: 1,
  use: {
    baseURL: process.env.LOGIN_URL ?? 'http://127.0.0.1:3000',
    browserName: 'chromium',
    headless: true,
    launchOptions: process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] } : {},
  },
});
