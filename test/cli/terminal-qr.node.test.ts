// The terminal drawing's colours: with colours on, every line sets white ink on black explicitly (so a light
// terminal theme cannot invert the code) and resets at its end (so nothing bleeds into the terminal).
import { expect } from 'chai';
import { qrMatrix } from '../../src/core/index.js';
import { terminalQr } from '../../src/cli/terminal-qr.js';
import { readTerminalQr } from './read-modules.js';

const URI = 'otpauth://totp/MyApp:user%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=MyApp&digits=6&period=30&algorithm=SHA1';

describe('CLI: the QR code drawn in a terminal', () => {
  it('reads back as the URI, with and without colours', () => {
    expect(readTerminalQr(terminalQr(qrMatrix(URI)))).to.equal(URI);
    expect(readTerminalQr(terminalQr(qrMatrix(URI), { colour: true }))).to.equal(URI);
  });

  it('with colours, sets bright white on black on every line and resets after it', () => {
    const lines = terminalQr(qrMatrix(URI), { colour: true }).split('\n').filter(Boolean);
    // eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC.
    for (const line of lines) expect(line).to.match(/^\x1b\[97;40m[█▀▄ ]+\x1b\[0m$/);
  });

  it('without colours, uses no escape codes at all (for pipes, NO_COLOR, dumb terminals)', () => {
    expect(terminalQr(qrMatrix(URI))).not.to.contain('\x1b');
  });

  it('is two modules a line: (size + 2 × 4 quiet) columns, half as many lines, rounded up', () => {
    const matrix = qrMatrix(URI);
    const lines = terminalQr(matrix).split('\n').filter(Boolean);
    const side = matrix.size + 8;
    expect(lines).to.have.length(Math.ceil(side / 2));
    for (const line of lines) expect([...line]).to.have.length(side);
  });
});
