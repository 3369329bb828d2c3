// The verification controller on a minimal Lit host with a real input: results for right, wrong and malformed codes
// (right ones from `otpauth`), the automatic check of a whole code, reset, and checks that finish too late.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createEnrollment, type Enrollment } from '../../../src/core/index.js';
import { VerificationController } from '../../../src/element/internal/verification-controller.js';
import { mountHost, oracleCode } from './support.js';

const T = Date.UTC(2026, 7, 8, 9, 10, 11);

class VerifyHost extends LitElement {
  enrollment: Enrollment | undefined = createEnrollment({ accountName: 'ada@example.com' });
  readonly failures: unknown[] = [];
  readonly verification = new VerificationController(this, this, { now: () => T });

  failFor(_enrollment: Enrollment, error: unknown): void {
    this.failures.push(error);
  }

  override render() {
    return html`<input ${ref(this.verification.field)} @input=${() => this.verification.input()} />`;
  }
}
customElements.define('test-verify-host', VerifyHost);

async function typeAndCheck(el: VerifyHost, text: string): Promise<CustomEvent> {
  const verified = new Promise<CustomEvent>((resolve) => el.addEventListener('totp-verify', (event) => resolve(event), { once: true }));
  el.verification.field.value!.value = text;
  await el.verification.check();
  return verified;
}

describe('internal: VerificationController', () => {
  it('valid for the codes of the previous, current and next step (with spaces); verified stays after a typo', async () => {
    const el = await mountHost<VerifyHost>('test-verify-host');
    for (const offset of [-1, 0, 1]) {
      const code = oracleCode(el.enrollment!, T + offset * 30_000);
      const event = await typeAndCheck(el, `${code.slice(0, 3)} ${code.slice(3)}`);
      expect(event.detail).to.deep.equal({ valid: true, offset });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.verification.result).to.equal('valid');
    }
    const wrong = oracleCode(el.enrollment!, T) === '000000' ? '111111' : '000000';
    expect((await typeAndCheck(el, wrong)).detail).to.deep.equal({ valid: false, offset: null });
    expect(el.verification.result).to.equal('mismatch');
    expect(el.verification.verified).to.equal(true);
    await typeAndCheck(el, '12 34');
    expect(el.verification.result).to.equal('format');
  });

  it('checks by itself once a whole code is typed, not before', async () => {
    const el = await mountHost<VerifyHost>('test-verify-host');
    const input = el.verification.field.value!;
    const seen: CustomEvent[] = [];
    el.addEventListener('totp-verify', (event) => seen.push(event));
    const code = oracleCode(el.enrollment!, T);
    input.value = code.slice(0, 5);
    input.dispatchEvent(new InputEvent('input'));
    const verified = new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
    input.value = code;
    input.dispatchEvent(new InputEvent('input'));
    await verified;
    expect(seen.map((event) => event.detail.valid)).to.deep.equal([true]);
  });

  it('reset() forgets result, verification and the typed text', async () => {
    const el = await mountHost<VerifyHost>('test-verify-host');
    await typeAndCheck(el, oracleCode(el.enrollment!, T));
    el.verification.reset();
    expect([el.verification.result, el.verification.verified, el.verification.field.value!.value]).to.deep.equal([undefined, false, '']);
  });

  it('drops a check that finishes after the enrollment was replaced', async () => {
    const el = await mountHost<VerifyHost>('test-verify-host');
    const seen: CustomEvent[] = [];
    el.addEventListener('totp-verify', (event) => seen.push(event));
    el.verification.field.value!.value = oracleCode(el.enrollment!, T);
    const check = el.verification.check();
    el.enrollment = createEnrollment({ accountName: 'other' });
    await check;
    expect(seen).to.deep.equal([]);
    expect(el.verification.result).to.equal(undefined);
    expect(el.failures).to.deep.equal([]);
  });
});
