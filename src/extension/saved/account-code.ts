/**
 * `<account-code>`: one saved account's live code, its countdown bar and the next code — the line of the saved-accounts
 * list. A small element of its own so that each account keeps its own step clock (periods differ between accounts) and
 * the list re-renders nothing when a code changes.
 *
 * Holds the key in memory only, as `<read-enrollment>` does; the list drops it when the store locks.
 */
import { LitElement, css, html } from 'lit';
import { CountdownBarController } from '../../element/internal/countdown-bar.js';
import { elementRef } from '../../element/internal/element-ref.js';
import { groupCode } from '../../element/internal/templates.js';
import { StepClockController } from '../../element/step-clock.js';
import { styles } from '../../element/totp-generator.styles.js';
import { codeAndNext, type CodeSource } from '../code-and-next.js';
import { OncePerStep } from '../once-per-step.js';

export type { CodeSource } from '../code-and-next.js';

export class AccountCode extends LitElement {
  static override styles = [
    styles,
    css`
      :host{display:block;padding:0;border:0;background:none}
      .codes{display:flex;gap:.75rem;align-items:baseline}
      [part=code]{font-size:1.25em}
      [part=next-code]{font-family:var(--_mono);font-variant-numeric:tabular-nums;opacity:.75}
    `,
  ];

  static override properties = {
    enrollment: { attribute: false },
    nextLabel: { attribute: false },
    _codes: { state: true },
  };

  private readonly _clock = new StepClockController(this, (now) => this._tick(now));
  private readonly _countdown = new CountdownBarController(this, this, this._clock);
  private readonly _perStep = new OncePerStep();

  /** The saved account's key: only what codes need (no QR matrix is built for a line of the list). */
  enrollment: CodeSource | undefined;
  /** "Next code", in the popup's language. */
  nextLabel = 'Next code';
  private _codes: { current: string; next: string } | undefined;

  /** The code for now, or `''` until it is computed: what Copy and Fill use. */
  get currentCode(): string {
    return this._codes?.current ?? '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('enrollment')) return;
    this._codes = undefined;
    this._perStep.reset();
    this._clock.period = this.enrollment?.parameters.period ?? 0;
    this._tick(this._clock.now());
  }

  private _tick(now: number): void {
    const enrollment = this.enrollment;
    if (!enrollment) return;
    this._countdown.sync(now);
    void this._perStep.run(enrollment.parameters.period, now, () => codeAndNext(enrollment, now)).then((codes) => {
      if (!codes) return;
      this._codes = codes;
      this.dispatchEvent(new Event('code-change'));
    });
  }

  override render() {
    const digits = this.enrollment?.parameters.digits ?? 6;
    const codes = this._codes;
    return html`<div class="codes">
        <span part="code">${codes ? groupCode(codes.current, digits) : ''}</span>
        <span>${this.nextLabel}: <span part="next-code">${codes ? groupCode(codes.next, digits) : ''}</span></span>
      </div>
      <div part="countdown" aria-hidden="true"><div class="bar" ${elementRef(this._countdown.bar)}></div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'account-code': AccountCode;
  }
}
