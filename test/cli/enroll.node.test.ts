// `totp-enroll --issuer … --account-name …`, run as the real built command. Every field of its JSON is checked
// against an independent truth: otpauth parses the URI, otpauth and oathtool compute the code, fast-png + jsQR
// read the QR codes (the PNG data URI, the --png and --svg files, and the drawing in the terminal).
import { expect } from 'chai';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { builtCli, codesBetween, oathtoolCode, otpauthCodeForUri, runCli } from './cli-process.js';
import { readModules, readTerminalQr } from './read-modules.js';

const AT = '2026-01-01T00:00:00Z';
const AT_MS = Date.parse(AT);

/** jsQR on the SVG's path, rasterised from the SVG's own coordinates (`M x y h w v1 h-w z` runs of dark modules). */
function readSvgQr(svg: string): string {
  const side = Number(/viewBox="0 0 (\d+) (\d+)"/.exec(svg)![1]);
  const light = Array.from({ length: side }, () => new Array<boolean>(side).fill(true));
  const path = /<path[^>]* d="([^"]*)"/.exec(svg)![1]!;
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) light[Number(y)]![Number(x) + i] = false;
  }
  return readModules(light);
}

describe('CLI: one enrollment', function () {
  before(() => builtCli());

  it('prints exactly the hosted API JSON; URI, QR and code agree with otpauth, oathtool and jsQR', async () => {
    const { status, stdout, stderr } = await runCli(['--issuer', 'MyApp', '--account-name', 'user@example.com', '--at', AT]);
    expect(status, stderr).to.equal(0);
    expect(stdout.endsWith('}\n')).to.equal(true);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code']);
    expect(json.secret).to.match(/^[A-Z2-7]{32}$/);
    const otp = OTPAuth.URI.parse(json.uri) as OTPAuth.TOTP;
    expect(otp.secret.base32).to.equal(json.secret);
    expect([otp.issuer, otp.label, otp.algorithm, otp.digits, otp.period]).to.deep.equal(['MyApp', 'user@example.com', 'SHA1', 6, 30]);
    expect(json.uri).to.equal(`otpauth://totp/MyApp:user%40example.com?secret=${json.secret}&issuer=MyApp&digits=6&period=30&algorithm=SHA1`);
    expect(readQrFromPng(dataUriBytes(json.qr_code))).to.equal(json.uri);
    expect(json.current_code).to.equal(otpauthCodeForUri(json.uri, AT_MS));
    expect(json.current_code).to.equal(oathtoolCode(json.secret, AT_MS));
  });

  it('honours --digits, --period and --algorithm (oathtool agrees) and warns about app support on stderr only', async () => {
    const { status, stdout, stderr } = await runCli(['--issuer', 'Ops', '--account-name', 'ci bot', '--digits', '8', '--period', '60', '--algorithm', 'SHA512', '--at', '1767225659']);
    expect(status, stderr).to.equal(0);
    const json = JSON.parse(stdout);
    expect(json.secret).to.match(/^[A-Z2-7]{103}$/); // 64 bytes: the SHA-512 output size (RFC 6238 §5.1)
    expect(json.uri).to.contain('otpauth://totp/Ops:ci%20bot?').and.contain('&digits=8&period=60&algorithm=SHA512');
    expect(json.current_code).to.equal(oathtoolCode(json.secret, 1767225659_000, { digits: 8, period: 60, algorithm: 'SHA512' }));
    expect(json.current_code).to.equal(otpauthCodeForUri(json.uri, 1767225659_000));
    expect(stderr).to.match(/warning: .*Google Authenticator/);
  });

  it('--recovery-codes N adds N distinct recovery codes after the four fields; without it there are none', async () => {
    const { status, stdout, stderr } = await runCli(['--account-name', 'r@example.com', '--recovery-codes', '6', '--at', AT]);
    expect(status, stderr).to.equal(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).to.deep.equal(['secret', 'uri', 'qr_code', 'current_code', 'recovery_codes']);
    expect(json.recovery_codes).to.have.length(6);
    expect(new Set(json.recovery_codes).size).to.equal(6);
    for (const code of json.recovery_codes) expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(json.current_code).to.equal(oathtoolCode(json.secret, AT_MS));
  });

  it('computes the code for now by default', async () => {
    const before = Date.now();
    const { stdout } = await runCli(['--account-name', 'now@example.com']);
    const after = Date.now();
    const json = JSON.parse(stdout);
    expect(codesBetween((t) => oathtoolCode(json.secret, t), before, after)).to.include(json.current_code);
  });

  it('enrolls an existing --secret (normalised), and warns on stderr when it is under 128 bits', async () => {
    const { status, stdout, stderr } = await runCli(['--issuer', 'Legacy', '--account-name', 'old', '--secret', 'jbsw y3dp ehpk 3pxp', '--at', AT]);
    expect(status).to.equal(0);
    const json = JSON.parse(stdout);
    expect(json.secret).to.equal('JBSWY3DPEHPK3PXP');
    expect(json.current_code).to.equal(oathtoolCode('JBSWY3DPEHPK3PXP', AT_MS));
    expect(readQrFromPng(dataUriBytes(json.qr_code))).to.equal(json.uri);
    expect(stderr).to.match(/warning: the secret is 80 bits/);
  });

  it('--png and --svg write the QR code of the URI, readable by its owner only; --qr draws it on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'totp-enroll-images-'));
    const png = join(dir, 'qr.png');
    const svg = join(dir, 'qr.svg');
    const { status, stdout, stderr } = await runCli(['--issuer', 'MyApp', '--account-name', 'a@b.c', '--png', png, '--svg', svg, '--qr']);
    expect(status, stderr).to.equal(0);
    const json = JSON.parse(stdout); // stdout is still exactly the JSON
    expect(readQrFromPng(new Uint8Array(readFileSync(png)))).to.equal(json.uri);
    const svgText = readFileSync(svg, 'utf8');
    expect(svgText).to.match(/^<svg /).and.contain('<title>MyApp: a@b.c</title>');
    expect(readSvgQr(svgText)).to.equal(json.uri);
    expect(statSync(png).mode & 0o777).to.equal(0o600);
    expect(statSync(svg).mode & 0o777).to.equal(0o600);
    expect(readTerminalQr(stderr)).to.equal(json.uri);
  });

  it('--qr keeps a quiet zone of light modules around the symbol', async () => {
    const { stderr } = await runCli(['--account-name', 'quiet', '--qr']);
    const lines = stderr.split('\n').filter((line) => /[█▀▄]/.test(line));
    // Quiet zone of 4 modules = the first 2 lines and 4 columns on each side are entirely light (full blocks).
    expect(lines[0]).to.match(/^█+$/);
    expect(lines[1]).to.match(/^█+$/);
    for (const line of lines.slice(0, -1)) expect(line).to.match(/^████.*████$/);
  });

  it('--help and --version print to stdout and exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('--account-name').and.contain('--count').and.contain('serve');
    const codeHelp = await runCli(['code', '--help']);
    expect(codeHelp.stdout).to.contain('--secret').and.contain('seconds');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).to.equal(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  const errors: [string, string[], RegExp][] = [
    ['a missing account name', ['--issuer', 'MyApp'], /--account-name: is required; expected a non-empty string/],
    ['a colon in the issuer', ['--issuer', 'My:App', '--account-name', 'x'], /--issuer: .*contains a colon/],
    ['7 digits', ['--account-name', 'x', '--digits', '7'], /--digits: got "7"; expected 6 or 8/],
    ['a period of 5', ['--account-name', 'x', '--period', '5'], /--period: got "5"; expected a whole number of seconds from 10 to 120/],
    ['"SHA-1"', ['--account-name', 'x', '--algorithm', 'SHA-1'], /--algorithm: got "SHA-1"; expected SHA1, SHA256, SHA512/],
    ['a bad secret', ['--account-name', 'x', '--secret', 'ABC1'], /--secret: contains "1", which is not a Base32 character; expected Base32/],
    ['an unknown flag', ['--account', 'x'], /unknown flag --account; allowed flags: --issuer, --account-name/],
    ['a flag without its value', ['--account-name'], /--account-name: needs a value/],
    ['a value for a switch', ['--account-name', 'x', '--qr=yes'], /--qr: takes no value/],
    ['a stray argument', ['--account-name', 'x', 'extra'], /unexpected argument "extra"/],
    ['an unknown command', ['enrol'], /unexpected argument "enrol"; expected a command \(enroll, code, verify, serve\)/],
    ['a bad --at', ['--account-name', 'x', '--at', '2026-01-01'], /--at: got "2026-01-01"; expected a Unix time in seconds .* or an ISO 8601 date with a time zone/],
    // Issue 21: these used to name a --timestamp flag that does not exist, or silently mean March 2.
    ['an --at before 1970', ['--account-name', 'x', '--at', '1969-12-31T23:59:59Z'], /^totp-enroll: --at: got "1969-12-31T23:59:59Z"; expected .*from 1970 on$/m],
    ['an --at of February 30', ['--account-name', 'x', '--at', '2026-02-30T00:00:00Z'], /--at: got "2026-02-30T00:00:00Z"; expected .*that date or time does not exist/],
    ['an --at of 25 o\'clock', ['--account-name', 'x', '--at', '2026-01-01T25:00:00+01:00'], /--at: .*that date or time does not exist/],
    ['an --at of February 29 in a common year', ['--account-name', 'x', '--at', '2027-02-29T12:00:00Z'], /--at: .*does not exist/],
    ['a URI too long for a QR code', ['--account-name', 'x'.repeat(2400)], /--account-name: makes the URI \d+ bytes long/],
    ['--qr with --count', ['--account-name', 'x', '--count', '2', '--qr'], /--qr cannot be combined with --count/],
    ['--secret with --count', ['--account-name', 'x', '--count', '2', '--secret', 'JBSWY3DPEHPK3PXP'], /--secret cannot be combined/],
    ['a count of 0', ['--account-name', 'x', '--count', '0'], /--count: got "0"; expected a whole number from 1 to 100,000,000/],
    ['21 recovery codes', ['--account-name', 'x', '--recovery-codes', '21'], /--recovery-codes: got "21"; expected a whole number from 1 to 20/],
    ['0 recovery codes in a batch', ['--account-name', 'x', '--count', '2', '--recovery-codes', '0'], /--recovery-codes: got "0"; expected a whole number from 1 to 20/],
  ];
  for (const [what, args, message] of errors) {
    it(`refuses ${what}: names the flag, exits 2, nothing on stdout`, async () => {
      const { status, stdout, stderr } = await runCli(args);
      expect(status).to.equal(2);
      expect(stdout).to.equal('');
      expect(stderr).to.match(message);
      expect(stderr).not.to.match(/accountName|TotpParameterError|\n\s+at /);
    });
  }

  it('reports an unwritable --png with exit 1 and nothing on stdout', async () => {
    const { status, stdout, stderr } = await runCli(['--account-name', 'x', '--png', '/nonexistent-dir/qr.png']);
    expect(status).to.equal(1);
    expect(stdout).to.equal('');
    expect(stderr).to.match(/--png: cannot write "\/nonexistent-dir\/qr.png"/);
  });
});
