// The README's core example runs as printed, against the built package (imported by its own name).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

describe('README', () => {
  it('the core API example runs as printed and prints what its comments say', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /## Core API[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'a ```js block under "## Core API"').to.be.a('string');
    // Inside the repository, so that `totp-enroll/core` resolves to this package's own dist/ build.
    const file = '.cache/readme-example.mjs';
    mkdirSync('.cache', { recursive: true });
    writeFileSync(file, example!);
    try {
      const lines = execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim().split('\n');
      expect(lines[0]).to.match(/^[A-Z2-7]{32}$/);
      expect(lines[1]).to.match(/^otpauth:\/\/totp\/MyApp:user%40example\.com\?secret=[A-Z2-7]{32}&issuer=MyApp&digits=6&period=30&algorithm=SHA1$/);
      expect(lines[3]).to.match(/^\d{6} ([1-9]|[12]\d|30) s left$/);
      expect(lines[4]).to.match(/^\{ valid: true, offset: 0, step: \d+ \}$/);
      expect(lines[5]).to.equal("{ valid: false, reason: 'replayed' }");
      expect(lines[6]).to.equal('true');
      expect(lines[7]).to.equal('secret,uri,qr_code,current_code');
      expect(lines[8]).to.equal('-2 -1 0 1 2');
      expect(lines[9]).to.equal('-1 true');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
