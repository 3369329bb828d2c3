// The popup's page scan on screenshots composed here: QR codes drawn by another library (`qrcode`, decoded from its
// PNG by fast-png) on a white 1280 × 800 "page", one, two, none, small and large, and cut off at each edge.
import { expect } from 'chai';
import QRCode from 'qrcode';
import { decodePngToRgba } from '../support/qr-reader.js';
import { findFinderPatterns } from '../../src/extension/finder-patterns.js';
import { scanQrCodes } from '../../src/extension/qr-scan.js';

const ALICE = 'otpauth://totp/ACME:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ACME&digits=6&period=30&algorithm=SHA1';
const BOB = 'otpauth://totp/Other:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Other';

interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

async function qrImage(text: string, pixelsPerModule: number): Promise<Rgba> {
  const { width, height, rgba } = decodePngToRgba(await QRCode.toBuffer(text, { scale: pixelsPerModule, margin: 4 }));
  return { width, height, data: rgba };
}

/** A white page with each image drawn at its place; parts beyond the page are cut off, as a viewport cuts them. */
function page(...placed: [Rgba, number, number][]): Rgba {
  const width = 1280;
  const height = 800;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [image, left, top] of placed) {
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const [px, py] = [left + x, top + y];
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        data.set(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4), (py * width + px) * 4);
      }
    }
  }
  return { width, height, data };
}

/** Text drawn as a page draws it, for pages without QR codes: rows of dark strokes of varied width. */
function textLines(): Rgba {
  const width = 900;
  const height = 300;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let line = 0; line < 10; line++) {
    for (let y = line * 28; y < line * 28 + 14; y++) {
      for (let x = 0; x < width; x++) {
        const dark = (x * 7 + line * 13 + ((y * 3) % 5)) % 11 < 3;
        if (dark) data.set([20, 20, 20, 255], (y * width + x) * 4);
      }
    }
  }
  return { width, height, data };
}

describe('extension: reading QR codes from a screenshot', () => {
  for (const pixelsPerModule of [2, 6]) {
    it(`reads one QR code drawn by another library at ${pixelsPerModule} px per module`, async () => {
      const scan = await scanQrCodes(page([await qrImage(ALICE, pixelsPerModule), 500, 200]));
      expect(scan).to.deep.equal({ texts: [ALICE], unread: undefined });
    });
  }

  it('reads every QR code on the page, each once', async () => {
    const alice = await qrImage(ALICE, 4);
    const scan = await scanQrCodes(page([alice, 40, 40], [await qrImage(BOB, 3), 700, 420], [alice, 400, 420]));
    expect(scan.texts).to.have.members([ALICE, BOB]).and.have.length(2);
  });

  it('reports nothing on a page without QR codes, even one full of text', async () => {
    expect(await scanQrCodes(page())).to.deep.equal({ texts: [], unread: undefined });
    expect(await scanQrCodes(page([textLines(), 100, 100]))).to.deep.equal({ texts: [], unread: undefined });
  });

  for (const [edge, at] of [
    ['bottom', (qr: Rgba) => [500, 800 - qr.height / 2]],
    ['right', (qr: Rgba) => [1280 - qr.width * 0.6, 200]],
    ['top', (qr: Rgba) => [300, -qr.height * 0.45]],
  ] as const) {
    it(`tells a QR code cut off at the ${edge} edge from none at all`, async () => {
      const qr = await qrImage(ALICE, 4);
      const [left, top] = at(qr);
      const scan = await scanQrCodes(page([qr, Math.round(left), Math.round(top)]));
      expect(scan).to.deep.equal({ texts: [], unread: 'edge' });
    });
  }

  it('tells a QR code in full view that cannot be read (its data wiped) from none at all', async () => {
    const qr = await qrImage(ALICE, 4);
    const wiped = { ...qr, data: qr.data.slice() };
    // White over the middle third: the data and error correction are gone, the three corner squares stay.
    for (let y = Math.round(qr.height / 3); y < (2 * qr.height) / 3; y++) wiped.data.fill(255, y * qr.width * 4, (y + 1) * qr.width * 4);
    expect(await scanQrCodes(page([wiped, 500, 200]))).to.deep.equal({ texts: [], unread: 'unreadable' });
  });

  it('finds the three finder patterns of a QR code, where they are', async () => {
    const qr = await qrImage(ALICE, 5);
    const patterns = findFinderPatterns(page([qr, 100, 50]));
    // qrcode draws a 4-module margin; the finder centres are 3.5 modules into the symbol.
    const modules = qr.width / 5 - 8;
    const near = (centre: number) => 100 + (4 + centre) * 5;
    const expected = [
      [near(3.5), 50 + (4 + 3.5) * 5],
      [near(modules - 3.5), 50 + (4 + 3.5) * 5],
      [near(3.5), 50 + (4 + modules - 3.5) * 5],
    ];
    expect(patterns).to.have.length(3);
    for (const [x, y] of expected) {
      expect(patterns.some((pattern) => Math.abs(pattern.x - x!) < 3 && Math.abs(pattern.y - y!) < 3 && Math.abs(pattern.moduleSize - 5) < 1), `${x},${y}`).to.equal(true);
    }
  });
});
