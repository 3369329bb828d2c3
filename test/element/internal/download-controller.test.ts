// The download controller: file names, a PNG that a real decoder and jsQR read back, the SVG as given, and the
// object URL revoked at the next download or when the host goes away.
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createEnrollment, type Enrollment } from '../../../src/core/index.js';
import { DownloadController, downloadName } from '../../../src/element/internal/download-controller.js';
import { readQrFromPng } from '../../support/qr-reader.js';
import { mountHost } from './support.js';

class DownloadHost extends LitElement {
  readonly failures: unknown[] = [];
  readonly download = new DownloadController(this, { failFor: (_enrollment: Enrollment, error: unknown) => void this.failures.push(error) });
}
customElements.define('test-download-host', DownloadHost);

describe('internal: DownloadController', () => {
  it('names files after issuer and account, replacing what file systems refuse', () => {
    expect(downloadName({ issuer: 'Acme', accountName: 'ada@example.com' }, 'png')).to.equal('Acme-ada@example.com-totp.png');
    expect(downloadName({ issuer: '', accountName: 'ada' }, 'svg')).to.equal('ada-totp.svg');
    expect(downloadName({ issuer: 'A/B: C', accountName: 'x y' }, 'png')).to.equal('A_B_C-x_y-totp.png');
  });

  it('saves a readable PNG and the SVG through object URLs, revoking each when the next comes and on removal', async () => {
    const el = await mountHost<DownloadHost>('test-download-host');
    const enrollment = createEnrollment({ issuer: 'Acme', accountName: 'ada@example.com' });
    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicks: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), `blob:test/${created.length}`);
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.href}`);
    };
    try {
      await el.download.save(enrollment, 'png', () => 'unused');
      await el.download.save(enrollment, 'svg', () => '<svg xmlns="http://www.w3.org/2000/svg"/>');
      expect(revoked).to.deep.equal(['blob:test/1']);
      el.remove();
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicks).to.deep.equal(['Acme-ada@example.com-totp.png blob:test/1', 'Acme-ada@example.com-totp.svg blob:test/2']);
    expect(revoked).to.deep.equal(['blob:test/1', 'blob:test/2']);
    expect(created.map((blob) => blob.type)).to.deep.equal(['image/png', 'image/svg+xml']);
    expect(readQrFromPng(new Uint8Array(await created[0]!.arrayBuffer()))).to.equal(enrollment.uri);
    expect(await created[1]!.text()).to.equal('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(el.failures).to.deep.equal([]);
  });
});
