// The Playwright example of docs/extension.md (examples/playwright/), run as a project would run it: a test account
// saved in the store is exported as an otpauth:// URI (the real export code), handed to `npx playwright test` in the
// TOTP_URI environment variable, and the example signs in to the sample login page (examples/playwright/
// login-site.mjs, which checks codes with the built totp-enroll/core). Playwright drives Debian's Chromium
// (executablePath), no downloaded browser. A second run with another account's URI must fail: the example can fail.
import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { startLoginSite } from '../../examples/playwright/login-site.mjs';
import { exportAccounts } from '../../src/extension/vault/transfer.js';
import { Vault } from '../../src/extension/vault/vault.js';
import { CHROMIUM_PATH } from '../support/browsers.mjs';
import { MemoryStorage } from '../extension/vault/memory-storage.js';

const SITE_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ';

function runExample(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  const child = spawn('npx', ['playwright', 'test', '-c', 'examples/playwright'], { env: { ...process.env, ...env, CHROMIUM_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('close', (status) => done({ status, output })));
}

describe('examples/playwright: a Playwright test signs in with an exported test account', function () {
  this.timeout(240_000);

  it('signs in to the sample login page with the URI exported from the store; another account’s URI is refused', async () => {
    const vault = new Vault({ local: new MemoryStorage(), session: new MemoryStorage(), iterations: 10_000 });
    await vault.create('example passphrase', 'example passphrase');
    await vault.add({ issuer: 'Sample Login', accountName: 'dev@example.com', secret: SITE_SECRET, site: 'http://127.0.0.1:3000' });
    await vault.add({ issuer: 'Other', accountName: 'dev@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', site: 'http://127.0.0.1:4000' });
    const exported = await exportAccounts(vault, 'example passphrase', { format: 'uris', site: 'http://127.0.0.1:3000' });
    const [uri, ...more] = exported.text.trim().split('\n');
    expect(more).to.deep.equal([]);

    const site = await startLoginSite({ uri: `otpauth://totp/Sample%20Login:dev%40example.com?secret=${SITE_SECRET}&issuer=Sample%20Login` });
    try {
      const run = await runExample({ TOTP_URI: uri!, LOGIN_URL: site.url });
      expect(run.status, run.output).to.equal(0);
      expect(run.output).to.match(/1 passed/);
      expect(site.seen).to.deep.equal({ signedIn: 1, refused: 0 });

      const other = (await exportAccounts(vault, 'example passphrase', { format: 'uris', site: 'http://127.0.0.1:4000' })).text.trim();
      const wrong = await runExample({ TOTP_URI: other, LOGIN_URL: site.url });
      expect(wrong.status, wrong.output).not.to.equal(0);
      expect(site.seen).to.deep.equal({ signedIn: 1, refused: 1 });
    } finally {
      await site.close();
    }
  });
});
