// The QR version is picked from our capacity table rather than by qrcode-generator's own search. At every boundary of
// the table (the longest text a version holds, and one byte more) the library's search must pick the same version.
// (Node only: the largest symbols take a while to make, and the choice does not depend on the platform.)
import { expect } from 'chai';
import qrcode from 'qrcode-generator';
import { qrMatrix, QR_BYTE_CAPACITY } from '../../src/core/index.js';

/** The library's own choice: version 0 asks it for the smallest version that holds the text. */
function libraryVersion(text: string): number {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return (qr.getModuleCount() - 17) / 4;
}

const version = (text: string) => (qrMatrix(text).size - 17) / 4;

describe('QR version choice', () => {
  it('has 40 versions, version 40 holding 2331 bytes at level M', () => {
    expect(QR_BYTE_CAPACITY).to.have.length(40);
    expect(QR_BYTE_CAPACITY[39]).to.equal(2331);
  });

  QR_BYTE_CAPACITY.forEach((capacity, index) => {
    it(`version ${index + 1}: ${capacity} bytes fit${index < 39 ? `, ${capacity + 1} need version ${index + 2}` : ''}, as qrcode-generator finds`, function () {
      this.timeout(20_000);
      const full = 'a'.repeat(capacity);
      expect(libraryVersion(full)).to.equal(index + 1);
      expect(version(full)).to.equal(index + 1);
      if (index === 39) return;
      const over = `${full}a`;
      expect(libraryVersion(over)).to.equal(index + 2);
      expect(version(over)).to.equal(index + 2);
    });
  });
});
