// What a project's end-to-end test does with a test account saved in the totp-enroll popup: the account is exported
// from the popup (Export → "otpauth:// URIs") and handed to CI as a secret environment variable; the test reads the
// URI with parseKeyUri and computes the current code with generateCode, exactly as an authenticator app would.
//
//   TOTP_URI='otpauth://totp/…' LOGIN_URL=http://127.0.0.1:3000 npx playwright test -c examples/playwright
import { expect, test } from '@playwright/test';
import { generateCode, parseKeyUri } from 'totp-enroll/core';

test('signs in with the saved test account’s code', async ({ page }) => {
  const uri = process.env.TOTP_URI;
  if (!uri) throw new Error('TOTP_URI is not set: export the test account from the popup and pass its otpauth:// URI');
  const { parameters, secret } = parseKeyUri(uri);

  await page.goto('/');
  await page.getByLabel('Email').fill('dev@example.com');
  await page.getByLabel('Password').fill('correct horse');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  const code = await generateCode({ secret: secret.bytes, digits: parameters.digits, period: parameters.period, algorithm: parameters.algorithm });
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(page.getByRole('heading', { name: 'Welcome, dev@example.com' })).toBeVisible();
});
