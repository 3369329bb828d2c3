// Shared by the tests of the element's internal pieces: an independent code oracle for an enrollment (the `otpauth`
// package), an SVG QR reader (the browser rasterises, jsQR reads), and a fixture that mounts a test host element.
import { fixture } from '@open-wc/testing';
import * as OTPAuth from 'otpauth';
import type { Enrollment } from '../../../src/core/index.js';
import { readQrFromRgba } from '../../support/qr-reader.js';

/** The code `otpauth` (its own Base32 and HMAC) computes for the enrollment's secret and parameters. */
export function oracleCode(enrollment: Enrollment, timestamp: number): string {
  const { digits, period, algorithm } = enrollment.parameters;
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrollment.secret.base32), digits, period, algorithm }).generate({ timestamp });
}

/** Draws SVG markup on a canvas and reads the QR code in it with jsQR. */
export async function readSvgQr(markup: string, pixels = 400): Promise<string> {
  const image = new Image(pixels, pixels);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = pixels;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, pixels, pixels);
  return readQrFromRgba(context.getImageData(0, 0, pixels, pixels).data, pixels, pixels);
}

/** Mounts `<tag>` (a host element a test defined) and waits for its first update. */
export async function mountHost<T extends HTMLElement>(tag: string): Promise<T> {
  return fixture<T>(document.createElement(tag) as T);
}
