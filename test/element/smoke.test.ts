import { expect, fixture, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';

describe('smoke', () => {
  it('renders', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator issuer="Acme" account-name="a@b.c"></totp-generator>`);
    expect(await el.enrollmentComplete).to.equal(true);
    console.log(el.secret, el.uri, el.currentCode, el.qrCode.slice(0, 40));
    expect(el.shadowRoot!.querySelector('[part=qr] svg')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
