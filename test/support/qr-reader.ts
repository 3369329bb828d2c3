// An independent QR reader for tests: fast-png decodes the PNG (a real decoder, not ours), jsQR reads the symbol.
// Runs in Node and in browsers.
import { decode } from 'fast-png';
import jsQR from 'jsqr';

/** RGBA pixels of a PNG, whatever its colour type and bit depth. */
export function decodePngToRgba(png: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray } {
  const image = decode(png);
  const { width, height, channels, depth } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const max = 2 ** depth - 1;
  // fast-png keeps samples under 8 bits packed, each row starting on a byte boundary.
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const sampleAt = (x: number, y: number, channel: number): number => {
    const index = x * channels + channel;
    if (depth >= 8) return Number(image.data[y * width * channels + index]);
    const bit = index * depth;
    const byte = Number(image.data[y * rowBytes + (bit >> 3)]);
    return (byte >> (8 - depth - (bit & 7))) & max;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sample = (channel: number) => Math.round((sampleAt(x, y, channel) / max) * 255);
      const [r, g, b] = channels >= 3 ? [sample(0), sample(1), sample(2)] : [sample(0), sample(0), sample(0)];
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return { width, height, rgba };
}

/** The text of the QR code in a PNG, or throws if jsQR finds none. */
export function readQrFromPng(png: Uint8Array): string {
  const { width, height, rgba } = decodePngToRgba(png);
  return readQrFromRgba(rgba, width, height);
}

export function readQrFromRgba(rgba: Uint8ClampedArray, width: number, height: number): string {
  const result = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (!result) throw new Error(`jsQR found no QR code in the ${width}×${height} image`);
  return result.data;
}

/** Bytes of a `data:image/png;base64,…` URI. */
export function dataUriBytes(dataUri: string): Uint8Array {
  const prefix = 'data:image/png;base64,';
  if (!dataUri.startsWith(prefix)) throw new Error(`not a PNG data URI: ${dataUri.slice(0, 40)}`);
  return Uint8Array.from(atob(dataUri.slice(prefix.length)), (character) => character.charCodeAt(0));
}
