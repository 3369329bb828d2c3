// QR codes are checked by reading them with an independent reader (jsQR) from a PNG decoded by an independent
// decoder (fast-png) — and, in browsers, from our SVG rasterised by the browser itself.
import { expect } from 'chai';
import fc from 'fast-check';
import { createEnrollment, qrMatrix, qrPng, qrPngDataUri, qrSvg, QR_CAPACITY_BYTES, generateHostedApiResult } from '../../src/core/index.js';
import { dataUriBytes, decodePngToRgba, readQrFromPng, readQrFromRgba } from '../support/qr-reader.js';

const inBrowser = typeof document !== 'undefined';

async function svgToRgba(svg: string, pixels: number): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const image = new Image(pixels, pixels);
  image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = pixels;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, pixels, pixels);
  URL.revokeObjectURL(image.src);
  return { rgba: context.getImageData(0, 0, pixels, pixels).data, width: pixels, height: pixels };
}

describe('QR code', () => {
  it('the PNG data URI reads back as the exact URI', async () => {
    const { uri, qr } = createEnrollment({ issuer: 'MyApp', accountName: 'user@example.com' });
    const dataUri = await qrPngDataUri(qr);
    expect(dataUri).to.match(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(readQrFromPng(dataUriBytes(dataUri))).to.equal(uri);
  });

  it('the PNG is a small 1-bit grayscale image with a 4-module quiet zone, 4 px a module', async () => {
    const { qr } = createEnrollment({ issuer: 'MyApp', accountName: 'user@example.com' });
    const png = await qrPng(qr);
    // IHDR: bit depth 1, colour type 0 (grayscale).
    expect([png[24], png[25]]).to.deep.equal([1, 0]);
    const { width, height, rgba } = decodePngToRgba(png);
    expect(width).to.equal((qr.size + 8) * 4);
    expect(height).to.equal(width);
    // The quiet zone (16 px) is white all round; the finder pattern's corner is black just inside it.
    for (let i = 0; i < width; i++) {
      for (const [x, y] of [[i, 0], [0, i], [i, 15], [15, i], [width - 1, i], [i, height - 1]] as const) {
        expect(rgba[(y * width + x) * 4], `pixel ${x},${y}`).to.equal(255);
      }
    }
    expect(rgba[(16 * width + 16) * 4]).to.equal(0);
    expect(png.length).to.be.below(2000);
  });

  it('reads back at every size, from short labels to the capacity limit (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: QR_CAPACITY_BYTES - 120 }), fc.constantFrom('a', 'é', '@', ' '), async (length, character) => {
        let accountName = character.repeat(length).trim() || 'x';
        // Percent-encoding triples some characters: cut to what fits the largest symbol.
        const encodedLength = (text: string) => encodeURIComponent(text).length;
        while (encodedLength(accountName) > QR_CAPACITY_BYTES - 120) accountName = accountName.slice(0, -1);
        const { uri, qr } = createEnrollment({ issuer: 'Cap', accountName, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
        expect(readQrFromPng(await qrPng(qr, { scale: qr.size > 100 ? 3 : 4 }))).to.equal(uri);
      }),
      { numRuns: 25 },
    );
  });

  it('reads back at the exact capacity limit: 2331 bytes, version 40', async () => {
    const probe = createEnrollment({ issuer: 'X', accountName: 'a', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    const { uri, qr } = createEnrollment({ issuer: 'X', accountName: 'a'.repeat(QR_CAPACITY_BYTES - probe.uri.length + 1), secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
    expect(uri).to.have.length(QR_CAPACITY_BYTES);
    expect(qr.size).to.equal(177);
    expect(readQrFromPng(await qrPng(qr, { scale: 3 }))).to.equal(uri);
  });

  it("the hosted API's qr_code reads back as its uri", async () => {
    const result = await generateHostedApiResult({ issuer: 'My App', account_name: 'user@example.com', digits: '8', period: '60', algorithm: 'SHA256' });
    expect(readQrFromPng(dataUriBytes(result.qr_code))).to.equal(result.uri);
  });

  it('the SVG is one path with a white background and a 4-module quiet zone', () => {
    const matrix = qrMatrix('otpauth://totp/A:b?secret=AAAA');
    const svg = qrSvg(matrix, { title: 'QR for <A> & "b"' });
    const side = matrix.size + 8;
    expect(svg).to.match(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"`));
    expect(svg.match(/<path /g)).to.have.length(1);
    expect(svg).to.contain('<title>QR for &#60;A&#62; &#38; &#34;b&#34;</title>');
    // The first dark run starts at the quiet zone's inner edge: the top-left finder pattern.
    expect(svg).to.contain('d="M4 4h7v1h-7z');
  });

  if (inBrowser) {
    it('the SVG, rasterised by the browser, reads back as the exact URI', async () => {
      for (const accountName of ['user@example.com', 'a much longer account name to get a larger symbol '.repeat(8).trim()]) {
        const { uri, qr } = createEnrollment({ issuer: 'MyApp', accountName });
        const { rgba, width, height } = await svgToRgba(qrSvg(qr), (qr.size + 8) * 4);
        expect(readQrFromRgba(rgba, width, height)).to.equal(uri);
      }
    });
  }
});
