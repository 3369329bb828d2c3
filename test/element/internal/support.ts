// Shared by the tests of the element's internal pieces: an independent code oracle for an enrollment (the `otpauth`
// package) and a fixture that mounts a test host element. The SVG QR reader is helpers.ts's readSvgQr.
import { fixture } from '@open-wc/testing';
import * as OTPAuth from 'otpauth';
import type { Enrollment } from '../../../src/core/index.js';

/** The code `otpauth` (its own Base32 and HMAC) computes for the enrollment's secret and parameters. */
export function oracleCode(enrollment: Enrollment, timestamp: number): string {
  const { digits, period, algorithm } = enrollment.parameters;
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrollment.secret.base32), digits, period, algorithm }).generate({ timestamp });
}

/** Mounts `<tag>` (a host element a test defined) and waits for its first update. */
export async function mountHost<T extends HTMLElement>(tag: string): Promise<T> {
  return fixture<T>(document.createElement(tag) as T);
}
