// The QR SVG memo: the markup a QR reader reads back as the URI, with the title as its accessible name, and rebuilt
// when the enrollment or the title changes.
import { expect } from '@open-wc/testing';
import { createEnrollment } from '../../../src/core/index.js';
import { QrSvgMemo } from '../../../src/element/internal/qr-markup.js';
import { readSvgQr } from '../helpers.js';

describe('internal: QrSvgMemo', () => {
  it('gives SVG that jsQR reads as the URI, titled as asked', async () => {
    const enrollment = createEnrollment({ issuer: 'Acme', accountName: 'ada@example.com' });
    const markup = new QrSvgMemo().markup(enrollment, 'QR <code> for you');
    expect(await readSvgQr(markup)).to.equal(enrollment.uri);
    const svg = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    expect(svg.getAttribute('aria-label')).to.equal('QR <code> for you');
  });

  it('follows a new enrollment and a new title', async () => {
    const memo = new QrSvgMemo();
    const first = createEnrollment({ accountName: 'a' });
    const second = createEnrollment({ accountName: 'b' });
    expect(memo.markup(first, 'one')).to.equal(memo.markup(first, 'one'));
    expect(memo.markup(first, 'two')).to.contain('two').and.not.contain('one');
    expect(await readSvgQr(memo.markup(second, 'two'))).to.equal(second.uri);
    expect(await readSvgQr(memo.markup(first, 'two'))).to.equal(first.uri);
  });
});
