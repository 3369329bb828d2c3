/**
 * Checking the code the user typed from their app: the field, the result shown, whether the app has been proved set
 * up, and the `totp-verify` event.
 */
import type { ReactiveElement } from 'lit';
import { verifyCode } from '../../core/index.js';
import type { ElementHolder } from './element-ref.js';
import { emit } from './emit.js';
import type { EnrollmentController } from './enrollment-controller.js';

export type VerifyResult = 'valid' | 'mismatch' | 'format';

export class VerificationController {
  /** Put on the code field with `elementRef`. */
  readonly field: ElementHolder<HTMLInputElement> = {};
  private _result: VerifyResult | undefined;
  private _verified = false;

  constructor(
    private readonly _host: ReactiveElement,
    /** The enrollment shown (a check that finishes after it was replaced is dropped), and where failures go. */
    private readonly _shown: Pick<EnrollmentController, 'enrollment' | 'failFor'>,
    private readonly _clock: { now(): number },
  ) {}

  /** The outcome of the last check, until the user types again. */
  get result(): VerifyResult | undefined {
    return this._result;
  }

  /** A correct code was typed for the enrollment shown. A later typo does not undo it; a new enrollment does. */
  get verified(): boolean {
    return this._verified;
  }

  /** Forgets the result, the verification and what was typed (a new enrollment, a form reset). */
  reset(): void {
    this._result = undefined;
    this._verified = false;
    if (this.field.value) this.field.value.value = '';
    this._host.requestUpdate();
  }

  /** The user typed: the last result no longer describes the field. A whole code is checked at once, as sign-in forms do. */
  input(): void {
    const enrollment = this._shown.enrollment;
    const typed = (this.field.value?.value ?? '').replace(/\s+/g, '');
    this._result = undefined;
    this._host.requestUpdate();
    if (enrollment && /^[0-9]+$/.test(typed) && typed.length === enrollment.parameters.digits) void this.check();
  }

  /** Checks what the field holds (on Enter, the button, or a whole code) against the codes around now. */
  async check(): Promise<void> {
    const enrollment = this._shown.enrollment;
    const field = this.field.value;
    if (!enrollment || !field) return;
    let verification;
    try {
      verification = await verifyCode(enrollment.codeOptions, field.value, { timestamp: this._clock.now() });
    } catch (error) {
      return this._shown.failFor(enrollment, error);
    }
    if (enrollment !== this._shown.enrollment) return;
    this._result = verification.valid ? 'valid' : verification.reason;
    if (verification.valid) this._verified = true;
    this._host.requestUpdate();
    emit(this._host, 'totp-verify', { valid: verification.valid, offset: verification.valid ? verification.offset : null });
  }
}
