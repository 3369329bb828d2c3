// Two independent readers agree with every URI: 220 random enrollments (every algorithm, both digit counts, periods
// from 10 to 120 s, Unicode issuers and account names) and URIs at the version-40 limit are drawn as PNGs, then read
// back by jsQR (after fast-png) and by Debian's zbarimg (package zbar-tools: its own PNG loader and QR decoder).
// zbarimg runs once for all the files, so its start-up is paid once. Node only: zbarimg is a program.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { ALGORITHMS, createEnrollment, qrPng, QR_CAPACITY_BYTES, type Enrollment, type EnrollmentOptions } from '../../src/core/index.js';
import { readQrFromPng } from '../support/qr-reader.js';

const RANDOM_CASES = 220;

/** A label part as people type them: any Unicode (graphemes), no colon (the core refuses one), not blank. */
const labelPart = (maxLength: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength }).map((text) => text.replaceAll(':', '').trim() || 'x');

const randomOptions = fc.record({
  issuer: fc.oneof(fc.constant(''), labelPart(24)),
  accountName: labelPart(40),
  digits: fc.constantFrom(6, 8),
  period: fc.integer({ min: 10, max: 120 }),
  algorithm: fc.constantFrom(...ALGORITHMS),
});

/** Options whose URI is exactly the largest a QR code holds (version 40, level M): the account name is padded. */
function atTheLimit(options: EnrollmentOptions): EnrollmentOptions {
  const uri = createEnrollment(options).uri;
  return { ...options, accountName: `${options.accountName}${'a'.repeat(QR_CAPACITY_BYTES - uri.length)}` };
}

/** What zbarimg reads in each file, by file name (its XML output names the file of every symbol). */
function zbarimg(files: string[]): Promise<Map<string, string[]>> {
  return new Promise((resolve, reject) => {
    // QR codes only: with every symbology on, zbar now and then also "finds" a 1D barcode in a QR code's modules.
    // Exit status 4 means "no symbol in some file": still a result, which the comparison below reports.
    execFile('zbarimg', ['-q', '--xml', '-Sdisable', '-Sqrcode.enable', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error && error.code !== 4) return reject(error);
      const found = new Map<string, string[]>();
      for (const [, file, body] of stdout.matchAll(/<source href='([^']*)'>([\s\S]*?)<\/source>/g)) {
        found.set(file!, [...body!.matchAll(/<data><!\[CDATA\[([\s\S]*?)\]\]><\/data>/g)].map((match) => match[1]!));
      }
      resolve(found);
    });
  });
}

describe('QR codes read back by two independent readers (jsQR and zbarimg)', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'totp-enroll-zbar-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it(`${RANDOM_CASES} random enrollments and the version-40 limit: both readers return the exact URI`, async function () {
    this.timeout(240_000);
    const seed = Date.now();
    const options: EnrollmentOptions[] = [
      ...fc.sample(randomOptions, { numRuns: RANDOM_CASES, seed }),
      // The limit, with each algorithm (its secret's length changes how much label fits) and a Unicode issuer.
      ...ALGORITHMS.map((algorithm) => atTheLimit({ issuer: 'Ünïcødé 認証', accountName: 'limit', algorithm, digits: 8, period: 60 })),
    ];
    const enrollments: Enrollment[] = options.map((option) => createEnrollment(option));
    const largest = enrollments.at(-1)!;
    expect(new TextEncoder().encode(largest.uri).length, 'the last URIs fill a version-40 symbol').to.equal(QR_CAPACITY_BYTES);
    expect(largest.qr.size, 'version 40 is 177 modules a side').to.equal(177);

    const files: string[] = [];
    const mismatches: string[] = [];
    for (const [index, enrollment] of enrollments.entries()) {
      // Two pixels a module: both readers manage, and small images keep this test quick.
      const png = await qrPng(enrollment.qr, { scale: 2, deflate: (data) => deflateSync(data) });
      const file = join(directory, `${String(index).padStart(3, '0')}.png`);
      writeFileSync(file, png);
      files.push(file);
      const byJsqr = readQrFromPng(png);
      if (byJsqr !== enrollment.uri) mismatches.push(`jsQR, case ${index}: ${JSON.stringify(byJsqr)} instead of ${JSON.stringify(enrollment.uri)}`);
    }
    const byZbar = await zbarimg(files);
    files.forEach((file, index) => {
      const read = byZbar.get(file) ?? [];
      if (read.length !== 1 || read[0] !== enrollments[index]!.uri) {
        mismatches.push(`zbarimg, case ${index}: ${JSON.stringify(read)} instead of ${JSON.stringify(enrollments[index]!.uri)}`);
      }
    });
    expect(mismatches, `fast-check seed ${seed}`).to.deep.equal([]);
  });
});
