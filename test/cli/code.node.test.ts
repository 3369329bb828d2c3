// `totp-enroll code` and `totp-enroll verify`, run as the real built command, against oathtool and otpauth.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { builtCli, codesBetween, oathtoolCode, runCli } from './cli-process.js';

// RFC 6238 Appendix B's SHA-1 seed, "12345678901234567890", in Base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('CLI: code and verify', function () {
  before(() => builtCli());

  it('code: the RFC 6238 vectors (8 digits) at fixed times', async () => {
    for (const [seconds, expected] of [
      ['59', '94287082'],
      ['1111111109', '07081804'],
      ['2000000000', '69279037'],
    ]) {
      const { status, stdout } = await runCli(['code', '--secret', RFC_SECRET, '--digits', '8', '--at', seconds!]);
      expect(status).to.equal(0);
      expect(stdout).to.match(new RegExp(`^${expected} \\(\\d+ s left\\)\\n$`));
    }
  });

  it('code: the current code agrees with oathtool and otpauth, and the seconds left with the clock', async () => {
    const secret = new OTPAuth.Secret({ size: 32 }).base32;
    const before = Date.now();
    const { stdout } = await runCli(['code', '--secret', secret, '--algorithm', 'SHA256', '--period', '60', '--json']);
    const after = Date.now();
    const json = JSON.parse(stdout);
    expect(codesBetween((t) => oathtoolCode(secret, t, { algorithm: 'SHA256', period: 60 }), before, after)).to.include(json.current_code);
    const totp = new OTPAuth.TOTP({ secret, algorithm: 'SHA256', period: 60 });
    expect(codesBetween((timestamp) => totp.generate({ timestamp }), before, after)).to.include(json.current_code);
    const left = (t: number) => 60 - (Math.floor(t / 1000) % 60);
    expect(json.seconds_remaining).to.be.within(1, 60);
    expect([left(before), left(after), left(before) - 1]).to.include(json.seconds_remaining);
  });

  it('code: --at names the time; seconds left counts down within the step', async () => {
    const { stdout } = await runCli(['code', '--secret', RFC_SECRET, '--at', '2026-01-01T00:00:07Z', '--json']);
    const json = JSON.parse(stdout);
    expect(json).to.deep.equal({ current_code: oathtoolCode(RFC_SECRET, Date.parse('2026-01-01T00:00:07Z')), seconds_remaining: 23 });
  });

  it('verify: exits 0 for the code oathtool gives, for the previous step within the window; 1 otherwise', async () => {
    const at = 1767225600;
    const current = oathtoolCode(RFC_SECRET, at * 1000);
    const previous = oathtoolCode(RFC_SECRET, (at - 30) * 1000);
    const old = oathtoolCode(RFC_SECRET, (at - 90) * 1000);
    const run = (code: string, ...extra: string[]) => runCli(['verify', '--secret', RFC_SECRET, '--code', code, '--at', String(at), ...extra]);

    expect(await run(current)).to.include({ status: 0, stdout: 'valid\n' });
    expect(await run(`${current.slice(0, 3)} ${current.slice(3)}`)).to.include({ status: 0 });
    const late = await run(previous);
    expect(late.status).to.equal(0);
    expect(late.stdout).to.match(/^valid \(1 step behind/);
    expect(await run(previous, '--window', '0')).to.include({ status: 1, stdout: 'invalid\n' });
    expect(await run(old)).to.include({ status: 1, stdout: 'invalid\n' });
    expect(await run('12345')).to.include({ status: 1, stdout: 'invalid: not 6 digits\n' });
  });

  it('refuses bad input naming the flag, with exit 2 and nothing on stdout', async () => {
    for (const [args, message] of [
      [['code'], /--secret: is required/],
      [['code', '--secret', 'JBSW!'], /--secret: contains "!"/],
      [['code', '--secret', RFC_SECRET, '--algorithm', 'sha256'], /--algorithm: got "sha256"; expected SHA1, SHA256, SHA512/],
      [['code', '--secret', RFC_SECRET, '--account-name', 'x'], /unknown flag --account-name for "code"; allowed flags: --secret, --digits/],
      [['verify', '--secret', RFC_SECRET], /--code: is required/],
      [['verify', '--secret', RFC_SECRET, '--code', '123456', '--window', '11'], /--window: got "11"; expected a whole number from 0 to 10/],
    ] as [string[], RegExp][]) {
      const { status, stdout, stderr } = await runCli(args);
      expect(status, args.join(' ')).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.match(message);
    }
  });
});
