/**
 * A QR matrix as a 1-bit grayscale PNG, written by hand because it is ~40 lines: no canvas (the core has no DOM)
 * and no image library. Compression is the platform's own `CompressionStream('deflate')` (zlib format, as PNG's
 * IDAT requires), available in browsers and Node ≥ 18; callers with a faster synchronous deflate may pass it.
 */
import { QR_QUIET_ZONE, type QrMatrix } from './qr.js';

/** zlib-format deflate of `data`. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export interface PngOptions {
  /** Pixels per module; default 4 (a version-6 code is then 196 px wide). */
  scale?: number;
  quietZone?: number;
  deflate?: Deflate;
}

/** The PNG file's bytes. */
export async function qrPng(matrix: QrMatrix, { scale = 4, quietZone = QR_QUIET_ZONE, deflate = deflateWithStreams }: PngOptions = {}): Promise<Uint8Array> {
  const side = (matrix.size + 2 * quietZone) * scale;
  const rowBytes = Math.ceil(side / 8);
  const stride = rowBytes + 1;
  // Each scanline: a filter type byte, then the pixels, 8 per byte, 1 = white (grayscale), most significant bit first.
  // Padding bits past the image's width stay 0; decoders ignore them.
  const raw = new Uint8Array(stride * side);
  const whitePixels = (line: number, from: number, count: number) => {
    for (let x = from; x < from + count; x++) raw[line + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
  };
  for (let row = -quietZone; row < matrix.size + quietZone; row++) {
    const line = (row + quietZone) * scale * stride;
    const inSymbol = row >= 0 && row < matrix.size;
    for (let column = -quietZone; column < matrix.size + quietZone; column++) {
      const dark = inSymbol && column >= 0 && column < matrix.size && matrix.modules[row * matrix.size + column] === 1;
      if (!dark) whitePixels(line, (column + quietZone) * scale, scale);
    }
    // The module's other pixel rows say "same as above" (filter type 2, Up, every difference 0): they cost neither
    // drawing nor compressing.
    for (let repeat = 1; repeat < scale; repeat++) raw[line + repeat * stride] = 2;
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, filter method 0, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The PNG as a `data:image/png;base64,…` URI, the hosted API's `qr_code`. */
export async function qrPngDataUri(matrix: QrMatrix, options?: PngOptions): Promise<string> {
  return `data:image/png;base64,${toBase64(await qrPng(matrix, options))}`;
}

async function deflateWithStreams(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes.subarray(4, 8 + data.length)));
  return bytes;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index++) crc = crcTable[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
