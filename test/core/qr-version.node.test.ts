// The QR version: the level-M byte capacity table (ISO/IEC 18004, table 7) says which version a text needs, and `qr`
// picks the version by its own arithmetic. At every boundary of the table (the longest text a version holds, and one
// byte more) the two must agree, and jsQR must read the symbol as that version.
// (Node only: the largest symbols take a while to read back, and the choice does not depend on the platform.)
import { expect } from 'chai';
import jsQR from 'jsqr';
import { qrMatrix, QR_BYTE_CAPACITY, QR_QUIET_ZONE, type QrMatrix } from '../../src/core/index.js';

const version = (text: string) => (qrMatrix(text).size - 17) / 4;

/** jsQR's reading of the symbol: its version and its text. */
function read(matrix: QrMatrix): { version: number; data: string } | null {
  const scale = 2;
  const side = (matrix.size + 2 * QR_QUIET_ZONE) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QR_QUIET_ZONE;
      const column = Math.floor(x / scale) - QR_QUIET_ZONE;
      if (row < 0 || column < 0 || row >= matrix.size || column >= matrix.size || !matrix.modules[row * matrix.size + column]) continue;
      pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  const code = jsQR(pixels, side, side);
  return code && { version: code.version, data: code.data };
}

describe('QR version choice', () => {
  it('has 40 versions, version 40 holding 2331 bytes at level M', () => {
    expect(QR_BYTE_CAPACITY).to.have.length(40);
    expect(QR_BYTE_CAPACITY[39]).to.equal(2331);
  });

  QR_BYTE_CAPACITY.forEach((capacity, index) => {
    it(`version ${index + 1}: ${capacity} bytes fit${index < 39 ? `, ${capacity + 1} need version ${index + 2}` : ', one more is refused'}, as the table says`, function () {
      this.timeout(20_000);
      const full = 'a'.repeat(capacity);
      expect(version(full)).to.equal(index + 1);
      if (index % 8 === 0 || index === 39) expect(read(qrMatrix(full))).to.deep.equal({ version: index + 1, data: full });
      const over = `${full}a`;
      if (index === 39) {
        expect(() => qrMatrix(over)).to.throw(/at most 2331 bytes/);
        return;
      }
      expect(version(over)).to.equal(index + 2);
    });
  });

  it('counts UTF-8 bytes, not characters, against the capacity', () => {
    expect(() => qrMatrix('é'.repeat(1166))).to.throw(/2332 bytes/);
    expect(version('é'.repeat(7))).to.equal(1);
    expect(version('é'.repeat(8))).to.equal(2);
  });
});
