// The enrollment controller on a minimal Lit host: what it builds from the inputs (checked against `otpauth` and a
// QR reader), when it keeps or replaces the secret, how it reports bad input, and one code per step.
import { expect } from '@open-wc/testing';
import { LitElement, html, type PropertyDeclaration } from 'lit';
import { TotpParameterError, type Enrollment } from '../../../src/core/index.js';
import { EnrollmentController } from '../../../src/element/internal/enrollment-controller.js';
import { preparedForRender } from '../../../src/element/internal/first-paint.js';
import { en } from '../../../src/element/strings.js';
import { dataUriBytes, readQrFromPng } from '../../support/qr-reader.js';
import { mountHost, oracleCode } from './support.js';

const T = Date.UTC(2026, 6, 7, 8, 9, 10);

class EnrollmentHost extends LitElement {
  static override properties = { issuer: {}, accountName: {}, digits: {}, period: {}, algorithm: {}, givenSecret: {}, givenUri: {} };
  issuer = 'Acme';
  accountName = 'ada@example.com';
  digits: string | number = 6;
  period: string | number = 30;
  algorithm = 'SHA1';
  givenSecret: string | null = null;
  givenUri: string | null = null;
  time = T;
  /** Every enrollment shown (undefined for an error), in order. */
  readonly shown: (Enrollment | undefined)[] = [];
  /** What each render saw: URI (or error) and code. */
  readonly renders: string[] = [];
  readonly controller = new EnrollmentController(this, { now: () => this.time }, { inputs: () => this, strings: () => en, onShow: (e) => this.shown.push(e) });

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    this.controller?.noteChange(name);
    super.requestUpdate(name, oldValue, options);
  }

  protected override async scheduleUpdate(): Promise<void> {
    await preparedForRender(this.controller);
    super.scheduleUpdate();
  }

  override render() {
    this.renders.push(`${this.controller.enrollment?.uri ?? this.controller.error?.message} ${this.controller.code}`);
    return html``;
  }
}
customElements.define('test-enrollment-host', EnrollmentHost);

async function host(): Promise<EnrollmentHost> {
  const el = await mountHost<EnrollmentHost>('test-enrollment-host');
  await el.controller.settle();
  return el;
}

describe('internal: EnrollmentController', () => {
  it('builds the enrollment and its code before the first render; the PNG and totp-enroll follow', async () => {
    const el = document.createElement('test-enrollment-host') as EnrollmentHost;
    const enrolled: CustomEvent[] = [];
    el.addEventListener('totp-enroll', (event) => enrolled.push(event));
    document.body.append(el);
    try {
      await el.updateComplete;
      const { enrollment, code } = el.controller;
      expect(el.renders).to.deep.equal([`${enrollment!.uri} ${oracleCode(enrollment!, T)}`]);
      expect(code).to.equal(oracleCode(enrollment!, T));
      expect(el.controller.qrCode).to.equal('');
      expect(await el.controller.settle()).to.equal(true);
      expect(readQrFromPng(dataUriBytes(el.controller.qrCode))).to.equal(enrollment!.uri);
      expect(enrolled.map((event) => event.detail.current_code)).to.deep.equal([code]);
    } finally {
      el.remove();
    }
  });

  it('keeps a generated secret across issuer, account, digits and period; replaces it on an algorithm change or regenerate()', async () => {
    const el = await host();
    const first = el.controller.enrollment!.secret.base32;
    for (const [name, value] of [['issuer', 'Other'], ['accountName', 'bob'], ['digits', '8'], ['period', '60']] as const) {
      el[name] = value;
      await el.controller.settle();
      expect(el.controller.enrollment!.secret.base32, name).to.equal(first);
    }
    el.algorithm = 'SHA512';
    await el.controller.settle();
    const second = el.controller.enrollment!.secret.base32;
    expect(second).to.not.equal(first);
    expect(second).to.have.length(103); // 64 bytes
    el.controller.regenerate();
    await el.controller.settle();
    expect(el.controller.enrollment!.secret.base32).to.not.equal(second);
    expect(el.controller.code).to.equal(oracleCode(el.controller.enrollment!, T));
  });

  it('shows a brought secret over the generated one, and returns to the kept secret without it', async () => {
    const el = await host();
    const generated = el.controller.enrollment!.secret.base32;
    el.givenSecret = ' jbsw y3dp ehpk 3pxp ';
    await el.controller.settle();
    expect(el.controller.enrollment!.secret.base32).to.equal('JBSWY3DPEHPK3PXP');
    el.givenSecret = null;
    await el.controller.settle();
    expect(el.controller.enrollment!.secret.base32).to.equal(generated);
  });

  it('bad input: the error (in attribute terms), totp-error, nothing shown; the secret survives', async () => {
    const el = await host();
    const secret = el.controller.enrollment!.secret.base32;
    const errors: CustomEvent[] = [];
    el.addEventListener('totp-error', (event) => errors.push(event));
    el.accountName = 'a:b';
    expect(await el.controller.settle()).to.equal(false);
    expect(el.controller.enrollment).to.equal(undefined);
    expect(el.controller.code).to.equal('');
    expect(el.shown.at(-1)).to.equal(undefined);
    expect(errors.map((event) => event.detail.field)).to.deep.equal(['account-name']);
    expect(el.controller.error!.message).to.match(/^Invalid account-name: .*colon/);
    el.accountName = 'ab';
    expect(await el.controller.settle()).to.equal(true);
    expect(el.controller.enrollment!.secret.base32).to.equal(secret);
  });

  it('computes one code per step: tick() inside the step does nothing, the next step gets the next code', async () => {
    const el = await host();
    const enrollment = el.controller.enrollment!;
    const boundary = (Math.floor(T / 30_000) + 1) * 30_000;
    expect(el.controller.tick(boundary - 1)).to.equal(false);
    expect(el.controller.tick(boundary)).to.equal(true);
    await el.controller.settle();
    expect(el.controller.code).to.equal(oracleCode(enrollment, boundary));
    expect(el.renders.at(-1)).to.equal(`${enrollment.uri} ${oracleCode(enrollment, boundary)}`);
  });

  it('failFor() shows a failure of the enrollment shown, and ignores one of an enrollment already replaced', async () => {
    const el = await host();
    const old = el.controller.enrollment!;
    el.issuer = 'Next';
    await el.controller.settle();
    el.controller.failFor(old, new Error('late'));
    expect(el.controller.error).to.equal(undefined);
    el.controller.failFor(el.controller.enrollment!, new TotpParameterError('digits', 7, '6 or 8'));
    expect(await el.controller.settle()).to.equal(false);
    expect(el.controller.error).to.deep.equal({ field: 'digits', message: 'Invalid digits: got 7. Allowed: 6 or 8.' });
  });
});
