/**
 * `<read-enrollment>`: a key read from the page or pasted, as the popup shows it — issuer, account and settings, the
 * live code with its countdown and the next code, copy buttons, the compatibility warning, and the QR code again
 * (drawn by our core from the validated key, so a second device can scan it from the popup).
 *
 * Holds the key only in memory, like `<totp-generator>`; closing the popup forgets it. Registered by popup.ts.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Enrollment } from '../core/index.js';
import { compatibilityWarning } from '../element/internal/compatibility-warning.js';
import { CountdownBarController } from '../element/internal/countdown-bar.js';
import { elementRef } from '../element/internal/element-ref.js';
import { QrDrawingMemo } from '../element/internal/qr-drawing.js';
import { groupCode, qrImage } from '../element/internal/templates.js';
import { StepClockController, type Clock } from '../element/step-clock.js';
import { en, type TotpGeneratorStrings } from '../element/strings.js';
import { styles } from '../element/totp-generator.styles.js';
import { codeAndNext } from './code-and-next.js';
import { OncePerStep } from './once-per-step.js';

/** The view's own words; the element's strings supply the rest (headings, copy buttons, the warning). */
export interface ReadViewStrings {
  heading: string;
  issuer: string;
  accountName: string;
  digits: string;
  period: string;
  algorithm: string;
  noIssuer: string;
  nextCode: string;
}

const ENGLISH: ReadViewStrings = {
  heading: 'Read from the page',
  issuer: 'Issuer',
  accountName: 'Account name',
  digits: 'Digits',
  period: 'Period (s)',
  algorithm: 'Algorithm',
  noIssuer: '(none)',
  nextCode: 'Next code',
};

type Copyable = 'code' | 'secret' | 'uri';

export class ReadEnrollment extends LitElement {
  static override styles = [
    styles,
    css`
      h2{margin:0 0 .5rem;font-size:1.1em}
      dl{display:grid;grid-template-columns:auto 1fr;gap:.125rem .75rem;margin:0}
      dt{font-weight:600}
      dd{margin:0;overflow-wrap:anywhere}
      [part=next-code]{font-family:var(--_mono);font-variant-numeric:tabular-nums}
    `,
  ];

  static override properties = {
    enrollment: { attribute: false },
    strings: { attribute: false },
    elementStrings: { attribute: false },
    _codes: { state: true },
    _copied: { state: true },
  };

  private readonly _clock = new StepClockController(this, (now) => this._tick(now));
  // The element's own countdown: restarted after each render and each tick, no timer of its own.
  private readonly _countdown = new CountdownBarController(this, this, this._clock);
  private readonly _qrDrawing = new QrDrawingMemo();
  private readonly _perStep = new OncePerStep();

  /** The key to show. */
  enrollment: Enrollment | undefined;
  strings: Partial<ReadViewStrings> = {};
  /** The element's strings in the popup's language (copy buttons, headings, the warning). */
  elementStrings: Partial<TotpGeneratorStrings> = {};

  private _codes: { current: string; next: string } | undefined;
  private _copied: Copyable | undefined;

  /** The code for now, or `''` until it is computed: what "Fill into page" types. */
  get currentCode(): string {
    return this._codes?.current ?? '';
  }

  /** Where the view reads the time: the popup's time-window lab shifts it by the clock offset, as on the generator. */
  get clock(): Clock {
    return this._clock.clock;
  }

  set clock(clock: Clock) {
    this._clock.clock = clock;
    // Recompute for the new time at once, even inside the same step number.
    this._perStep.reset();
    this._tick(clock.now());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('enrollment')) return;
    // The time-window lab follows the code on show; it hears of a new (or no) key from this event.
    this.dispatchEvent(new Event('read-enrollment-change', { bubbles: true }));
    this._codes = undefined;
    this._copied = undefined;
    this._perStep.reset();
    this._clock.period = this.enrollment?.parameters.period ?? 0;
    this._tick(this._clock.now());
  }

  /** New codes at each step boundary (and when the clock catches up after sleep); nothing inside a step. */
  private _tick(now: number): void {
    const enrollment = this.enrollment;
    if (!enrollment) return;
    this._countdown.sync(now);
    void this._perStep.run(enrollment.parameters.period, now, () => codeAndNext(enrollment, now)).then((codes) => {
      if (!codes) return;
      this._codes = codes;
      this._copied = undefined;
    });
  }

  private async _copy(what: Copyable, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this._copied = what;
    } catch {
      this._copied = undefined;
    }
  }

  private _copyButton(what: Copyable, text: string, label: string, s: TotpGeneratorStrings) {
    return html`<button type="button" aria-label=${label} @click=${() => this._copy(what, text)}>${this._copied === what ? s.copied : s.copy}</button>`;
  }

  override render() {
    const enrollment = this.enrollment;
    if (!enrollment) return nothing;
    const s = { ...en, ...this.elementStrings };
    const t = { ...ENGLISH, ...this.strings };
    const { issuer, accountName, digits, period, algorithm } = enrollment.parameters;
    const codes = this._codes;
    return html`<div lang=${s.lang}>
      <h2>${t.heading}</h2>
      <dl>
        <dt>${t.issuer}</dt><dd part="issuer">${issuer || t.noIssuer}</dd>
        <dt>${t.accountName}</dt><dd part="account-name">${accountName}</dd>
        <dt>${t.digits}</dt><dd part="digits">${digits}</dd>
        <dt>${t.period}</dt><dd part="period">${period}</dd>
        <dt>${t.algorithm}</dt><dd part="algorithm">${algorithm}</dd>
      </dl>
      <section>
        <h3>${s.codeHeading}</h3>
        <div class="row"><span part="code">${codes ? groupCode(codes.current, digits) : ''}</span>${codes ? this._copyButton('code', codes.current, s.copyCode, s) : nothing}</div>
        <div part="countdown" aria-hidden="true"><div class="bar" ${elementRef(this._countdown.bar)}></div></div>
        <p>${t.nextCode}: <span part="next-code">${codes ? groupCode(codes.next, digits) : ''}</span></p>
      </section>
      ${compatibilityWarning(enrollment.parameters, s, 3)}
      <section>
        ${qrImage(this._qrDrawing.drawing(enrollment), s.qrTitle)}
        <p>${s.scanHint}</p>
      </section>
      <section>
        <h3>${s.secretHeading}</h3>
        <div class="row"><code part="secret">${enrollment.secret.base32.replace(/(.{4})(?=.)/g, '$1 ')}</code>${this._copyButton('secret', enrollment.secret.base32, s.copySecret, s)}</div>
        <details>
          <summary>${s.uriHeading}</summary>
          <div class="row"><code part="uri">${enrollment.uri}</code>${this._copyButton('uri', enrollment.uri, s.copyUri, s)}</div>
        </details>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'read-enrollment': ReadEnrollment;
  }
}
