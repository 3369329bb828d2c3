// `npm test` on a machine that lacks a browser or a reference tool: one clear message before any test, naming the
// Debian packages and the command that installs them, and a non-zero exit — never a cascade of failing tests.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canInstall, locate, missingRequirements, preflight, REQUIREMENTS } from '../../scripts/preflight.mjs';

describe('npm test preflight (scripts/preflight.mjs)', () => {
  let empty: string;
  before(() => {
    empty = mkdtempSync(join(tmpdir(), 'preflight-'));
  });
  after(() => rmSync(empty, { recursive: true, force: true }));

  it('npm test with the browsers and tools hidden stops before any test with the one message', function () {
    this.timeout(30_000);
    // Only node itself on PATH: no browser, no oathtool, no zbarimg, and no apt-get to install them with.
    const bin = join(empty, 'bin');
    spawnSync('mkdir', [bin]);
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = spawnSync(join(bin, 'node'), ['scripts/test.mjs'], {
      encoding: 'utf8',
      env: { PATH: bin, HOME: empty, CHROME_PATH: join(empty, 'no-chromium'), FIREFOX_PATH: join(empty, 'no-firefox') },
    });
    expect(result.status).to.equal(1);
    // Nothing ran: no stage header.
    expect(result.stdout).to.not.include('===');
    expect(result.stdout.trim().split('\n').at(-1)).to.equal('0 passed, 1 failed');
    expect(result.stderr).to.equal(
      [
        'npm test needs packages this machine does not have:',
        `  - Chromium (browser tests): Debian package chromium (CHROME_PATH=${join(empty, 'no-chromium')} is not an executable)`,
        `  - Firefox ESR (browser tests): Debian package firefox-esr (FIREFOX_PATH=${join(empty, 'no-firefox')} is not an executable)`,
        '  - oathtool (reference TOTP implementation): Debian package oathtool',
        '  - zbarimg (independent QR reader): Debian package zbar-tools',
        'Install them and run npm test again:',
        '  sudo apt-get update && sudo apt-get install -y chromium firefox-esr oathtool zbar-tools',
        'Browsers installed elsewhere can be named with CHROME_PATH and FIREFOX_PATH.',
        '',
      ].join('\n'),
    );
  });

  it('finds a command on PATH, and with an override looks nowhere else', () => {
    const fake = join(empty, 'chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    const [chromium] = REQUIREMENTS;
    expect(locate(chromium!, { PATH: `/nonexistent:${empty}` })).to.equal(fake);
    expect(locate(chromium!, { PATH: empty, CHROME_PATH: join(empty, 'elsewhere') })).to.equal(undefined);
    expect(locate(chromium!, { PATH: '/nonexistent', CHROME_PATH: fake })).to.equal(fake);
  });

  it('names only what is missing', () => {
    const missing = missingRequirements({ PATH: empty, CHROME_PATH: process.execPath, FIREFOX_PATH: process.execPath });
    expect(missing.map((requirement) => requirement.package)).to.deep.equal(['oathtool', 'zbar-tools']);
  });

  it('installs only as root, and only where apt-get exists', () => {
    const path = process.env.PATH;
    expect(canInstall({ uid: 1000, env: { PATH: path } })).to.equal(false);
    expect(canInstall({ uid: 0, env: { PATH: empty } })).to.equal(false);
  });

  it('as a non-root user it installs nothing and says what to run', () => {
    const said: string[] = [];
    const message = preflight({ uid: 1000, env: { PATH: '/nonexistent' }, log: (line) => said.push(line) });
    expect(said).to.deep.equal([]);
    expect(message).to.include('sudo apt-get update && sudo apt-get install -y chromium firefox-esr oathtool zbar-tools');
  });

  it('on this machine everything is there', () => {
    expect(missingRequirements().map((requirement) => requirement.package)).to.deep.equal([]);
  });
});
