#!/usr/bin/env node
// The extension's toolbar and store icons, drawn here rather than downloaded: a rounded blue square with a white
// stopwatch ring and hand (a time-based code). `node scripts/make-icons.mjs` rewrites public/icons/icon-{16,32,48,128}.png;
// the PNGs are committed, and test/extension/icons.node.test.ts checks they are what this script draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 48, 128];
export const ICON_DIR = 'public/icons';

const BACKGROUND = [26, 86, 219];
const FOREGROUND = [255, 255, 255];
/** Samples per pixel side: edges are anti-aliased by covering each pixel with SUPERSAMPLE² points. */
const SUPERSAMPLE = 4;

/**
 * Which layer covers the point (x, y) of the unit square [0, 1]²: 'fg', 'bg' or nothing.
 * Everything is in unit coordinates so one drawing serves every size.
 */
function layerAt(x, y) {
  const radius = 0.2;
  // Rounded square: distance from the inner rectangle [radius, 1 - radius]².
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  if (dx * dx + dy * dy > radius * radius) return undefined;
  const cx = x - 0.5;
  const cy = y - 0.54;
  const distance = Math.hypot(cx, cy);
  // The ring of the stopwatch dial.
  if (distance <= 0.33 && distance >= 0.23) return 'fg';
  // The crown on top of the dial.
  if (Math.abs(cx) <= 0.07 && y >= 0.1 && y <= 0.2) return 'fg';
  // The hand, from the centre towards "two o'clock".
  const hand = { x: 0.14, y: -0.12 };
  const along = (cx * hand.x + cy * hand.y) / (hand.x * hand.x + hand.y * hand.y);
  const clamped = Math.min(Math.max(along, 0), 1);
  if (Math.hypot(cx - clamped * hand.x, cy - clamped * hand.y) <= 0.045) return 'fg';
  return 'bg';
}

/** RGBA pixels of the icon at `size` × `size`, colours blended by coverage. */
export function drawIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let fg = 0;
      let bg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const layer = layerAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (layer === 'fg') fg++;
          else if (layer === 'bg') bg++;
        }
      }
      const covered = fg + bg;
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round((FOREGROUND[channel] * fg + BACKGROUND[channel] * bg) / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA PNG of `size` × `size` pixels. */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Filter type 0 (none) for each row: the icons are tiny, compression hardly matters.
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function iconPng(size) {
  return encodePng(size, drawIcon(size));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(`${ICON_DIR}/icon-${size}.png`, iconPng(size));
    console.log(`${ICON_DIR}/icon-${size}.png`);
  }
}
