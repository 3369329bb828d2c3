// What the element shows is read back independently: the inline SVG rasterised and decoded by jsQR, the PNG
// decoded by fast-png and jsQR, the code compared with the `otpauth` package's code for the same secret and time.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { FakeClock, mount, oracleCode, part, partText, readRenderedQr } from './helpers.js';

const T = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('<totp-generator> renders a readable enrollment', () => {
  for (const [digits, period, algorithm] of [
    ['6', '30', 'SHA1'],
    ['8', '60', 'SHA256'],
    ['6', '45', 'SHA512'],
  ] as const) {
    it(`QR, secret, URI and code agree with independent readers (${algorithm}, ${digits} digits, ${period} s)`, async () => {
      const clock = new FakeClock(T);
      const el = await fixture<TotpGenerator>(
        html`<totp-generator .clock=${clock} issuer="Acme Corp" account-name="ada@example.com" digits=${digits} period=${period} algorithm=${algorithm}></totp-generator>`,
      );
      expect(await el.enrollmentComplete).to.equal(true);

      expect(el.uri).to.match(/^otpauth:\/\/totp\/Acme%20Corp:ada%40example\.com\?secret=[A-Z2-7]+&/);
      expect(el.uri).to.contain(`digits=${digits}&period=${period}&algorithm=${algorithm}`);
      expect(await readRenderedQr(el)).to.equal(el.uri);
      expect(readQrFromPng(dataUriBytes(el.qrCode))).to.equal(el.uri);
      expect(new URL(el.uri).searchParams.get('secret')).to.equal(el.secret);
      expect(partText(el, 'secret')).to.equal(el.secret);
      expect(partText(el, 'uri')).to.equal(el.uri);

      const expected = oracleCode(el, T);
      expect(el.currentCode).to.equal(expected);
      expect(partText(el, 'code')).to.equal(expected);
    });
  }

  it('renders QR and code together: the first render already has the code, and the PNG follows after it', async () => {
    const el = document.createElement('totp-generator');
    el.clock = new FakeClock(T);
    el.setAttribute('account-name', 'one-frame@example.com');
    let shownWithoutCode = false;
    const observer = new MutationObserver(() => {
      if (part(el, 'qr')?.querySelector('svg') && !partText(el, 'code')) shownWithoutCode = true;
    });
    document.body.append(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    try {
      await el.updateComplete;
      expect(part(el, 'qr')!.querySelector('svg'), 'QR after the first render').to.not.equal(null);
      expect(partText(el, 'code')).to.equal(oracleCode(el, T));
      expect(el.qrCode, 'PNG not made before the first paint').to.equal('');
      expect(await el.enrollmentComplete).to.equal(true);
      expect(readQrFromPng(dataUriBytes(el.qrCode))).to.equal(el.uri);
      expect(shownWithoutCode, 'a QR was on the page without its code').to.equal(false);
    } finally {
      observer.disconnect();
      el.remove();
    }
  });

  it('groups the secret in fours and a 6-digit code as "123 456"', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${new FakeClock(T)} account-name="a" secret="JBSWY3DPEHPK3PXP"></totp-generator>`);
    await el.enrollmentComplete;
    expect(part(el, 'secret')!.textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    expect(part(el, 'code')!.textContent).to.match(/^\d{3} \d{3}$/);
  });

  it('shows issuer and account text containing HTML as text, never as markup', async () => {
    const el = await fixture<TotpGenerator>(
      html`<totp-generator issuer="<img src=x onerror=alert(1)>" account-name="<b>bold</b>"></totp-generator>`,
    );
    await el.enrollmentComplete;
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(await readRenderedQr(el)).to.equal(el.uri);
    expect(el.uri).to.contain(encodeURIComponent('<b>bold</b>'));
  });

  it('gives the QR image an accessible name, and passes axe', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator issuer="Acme" account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const svg = part(el, 'qr')!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('passes axe with the compatibility warning and an error shown', async () => {
    const warned = await fixture<TotpGenerator>(html`<totp-generator account-name="a" period="45" algorithm="SHA256"></totp-generator>`);
    await warned.enrollmentComplete;
    await expect(warned).to.be.accessible();
    const failed = await fixture<TotpGenerator>(html`<totp-generator account-name="a" digits="7"></totp-generator>`);
    await failed.enrollmentComplete;
    await expect(failed).to.be.accessible();
  });

  it('renders the German strings when given them, and any single replaced string', async () => {
    const { de } = await import('../../src/element/strings-de.js');
    const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a" .strings=${de}></totp-generator>`);
    await el.enrollmentComplete;
    expect(el.shadowRoot!.textContent).to.contain('Aktueller Code');
    expect(el.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('de');
    el.strings = { codeHeading: 'Your code now' };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Your code now');
    expect(el.shadowRoot!.textContent).to.contain('Enter the code from your app');
  });

  it('fits 320 px without horizontal overflow', async () => {
    const host = mount<HTMLDivElement>(html`<div style="width: 320px"><totp-generator issuer="A very long issuer name Inc" account-name="someone.with.a.long.address@example.com" period="45"></totp-generator></div>`);
    const el = host.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    for (const child of el.shadowRoot!.querySelectorAll('*')) {
      expect((child as HTMLElement).getBoundingClientRect().right, child.outerHTML.slice(0, 60)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });
});
