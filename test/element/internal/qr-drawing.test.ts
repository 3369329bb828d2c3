// The QR drawing as the element shows it: the rendered SVG reads back as the URI with a real reader (jsQR), carries
// the title as text, and the memo redraws only for another enrollment.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { createEnrollment } from '../../../src/core/index.js';
import { QrDrawingMemo } from '../../../src/element/internal/qr-drawing.js';
import { qrImage } from '../../../src/element/internal/templates.js';
import { readSvgQr } from '../helpers.js';

function rendered(template: ReturnType<typeof qrImage>): SVGSVGElement {
  const host = document.createElement('div');
  render(template, host);
  return host.querySelector('svg')!;
}

describe('internal: QrDrawingMemo and qrImage', () => {
  it('renders an SVG that jsQR reads as the URI, titled as asked, the title as text', async () => {
    const enrollment = createEnrollment({ issuer: 'Acme', accountName: 'ada@example.com' });
    const svg = rendered(qrImage(new QrDrawingMemo().drawing(enrollment), 'QR <code> for you'));
    expect(svg.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(await readSvgQr(svg.outerHTML)).to.equal(enrollment.uri);
    expect(svg.getAttribute('aria-label')).to.equal('QR <code> for you');
    expect(svg.querySelector('title')!.textContent).to.equal('QR <code> for you');
    expect(svg.querySelector('title')!.children).to.have.length(0);
  });

  it('draws once per enrollment and follows a new one', async () => {
    const memo = new QrDrawingMemo();
    const first = createEnrollment({ accountName: 'a' });
    const second = createEnrollment({ accountName: 'b' });
    expect(memo.drawing(first)).to.equal(memo.drawing(first));
    expect(await readSvgQr(rendered(qrImage(memo.drawing(second), 't')).outerHTML)).to.equal(second.uri);
    expect(await readSvgQr(rendered(qrImage(memo.drawing(first), 't')).outerHTML)).to.equal(first.uri);
  });
});
