// The core needs no DOM: it runs in a module Web Worker (browsers only; Node runs every other core test).
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import type { HostedApiResult } from '../../src/core/index.js';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';

if (typeof Worker !== 'undefined') {
  describe('core in a Web Worker', () => {
    it('produces a full enrollment there: QR reads back as the URI, code matches otpauth', async () => {
      const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
      const timestamp = 1_750_000_000_000;
      try {
        const reply = await new Promise<{ result?: HostedApiResult; error?: string; hasDocument?: boolean }>((resolve, reject) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
          worker.postMessage({ query: 'issuer=Worker&account_name=w@example.com&digits=8&period=45&algorithm=SHA256', timestamp });
        });
        expect(reply.error).to.equal(undefined);
        expect(reply.hasDocument).to.equal(false);
        const { secret, uri, qr_code, current_code } = reply.result!;
        expect(readQrFromPng(dataUriBytes(qr_code))).to.equal(uri);
        const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 8, period: 45, algorithm: 'SHA256' });
        expect(current_code).to.equal(totp.generate({ timestamp }));
      } finally {
        worker.terminate();
      }
    });
  });
}
