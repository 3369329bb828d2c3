/**
 * `<totp-generator>`: a TOTP enrollment made in the browser — secret, QR code, setup link and live code — with a
 * field that checks the code the user's app shows. A composition: controllers from `internal/` (and the step clock)
 * hold the state and behaviour, template functions render it. This module defines the class only; `define.ts` registers it.
 */
import { LitElement, html, type PropertyDeclaration } from 'lit';
import { qrSvg, type Enrollment } from '../core/index.js';
import { StepClockController, type Clock } from './step-clock.js';
import { en, type TotpGeneratorStrings } from './strings.js';
import { styles } from './totp-generator.styles.js';
import { compatibilityWarning } from './internal/compatibility-warning.js';
import { CodeAnnouncer } from './internal/code-announcer.js';
import { CopyController } from './internal/copy-controller.js';
import { CountdownBarController } from './internal/countdown-bar.js';
import { DownloadController } from './internal/download-controller.js';
import { EnrollmentController } from './internal/enrollment-controller.js';
import { preparedForRender } from './internal/first-paint.js';
import { FormController, type ValidityProblem } from './internal/form-controller.js';
import { DEFAULT_HEADING_LEVEL, parseHeadingLevel } from './internal/heading-level.js';
import { layoutPlaceholder } from './internal/layout-placeholder.js';
import { QrDrawingMemo } from './internal/qr-drawing.js';
import { parseRecoveryCodeCount, RecoveryCodesController } from './internal/recovery-codes-controller.js';
import { recoveryCodesSection } from './internal/recovery-codes-section.js';
import { setOrRemoveAttribute } from './internal/reflect-attribute.js';
import { actions, codeSection, errorView, qrImage, secretSection, verifySection, type CopyState } from './internal/templates.js';
import { ValueEventsController } from './internal/value-events.js';
import { VerificationController } from './internal/verification-controller.js';

/**
 * Creates a TOTP enrollment on the device: a random secret from `crypto.getRandomValues` (or one you bring), its
 * otpauth:// URI, the QR code as inline SVG, and the current code, which changes exactly at each step boundary.
 * Form-associated: with `name`, the secret is the form value. With `recovery-codes`, recovery codes follow a verified code.
 *
 * @fires {TotpEnrollEvent} totp-enroll - A new enrollment is shown (new secret or parameters); detail has secret, uri, qr_code, current_code and the parameters (and recovery_codes with `recovery-codes`).
 * @fires {TotpVerifyEvent} totp-verify - The user checked a code; detail `{valid, offset}`.
 * @fires {TotpCopyEvent} totp-copy - Something was copied to the clipboard; detail `{what}`: `secret`, `uri`, `code` or `recovery-codes`.
 * @fires {TotpErrorEvent} totp-error - An attribute is invalid or the page is not a secure context; detail `{field, message}`.
 * @fires {Event} input - `value` changed: the secret once a code is verified for it, `''` again with a new enrollment (for `v-model`, Angular forms).
 * @fires {Event} change - Fired with `input`, when `value` changed.
 * @csspart qr - The QR code's container (an inline SVG inside).
 * @csspart secret - The secret, grouped in fours for manual entry.
 * @csspart uri - The otpauth:// URI.
 * @csspart code - The current code.
 * @csspart countdown - The bar counting down to the next code.
 * @csspart verify - The field for the code from the user's app.
 * @csspart recovery-codes - The recovery codes, their buttons and the "I have saved these codes" box.
 * @csspart warning - The compatibility warning for non-default settings.
 * @csspart error - The message shown instead of the enrollment when an attribute is invalid.
 * @cssprop --totp-generator-color - Text colour.
 * @cssprop --totp-generator-background - Background colour.
 * @cssprop --totp-generator-muted-color - Secondary text colour.
 * @cssprop --totp-generator-border-color - Borders and the countdown's track.
 * @cssprop --totp-generator-accent-color - Focus rings and the countdown bar.
 * @cssprop --totp-generator-success-color - "Correct" message.
 * @cssprop --totp-generator-error-color - Errors and "does not match".
 * @cssprop --totp-generator-warning-color - The compatibility warning's accent.
 * @cssprop --totp-generator-font - Font shorthand (default: inherited).
 * @cssprop --totp-generator-mono-font - Font family of the secret, URI and code.
 * @cssprop --totp-generator-qr-size - Largest width of the QR code (default 14rem).
 * @cssprop --totp-generator-max-width - Largest width of the element (default 26rem).
 * @cssprop --totp-generator-padding - Inner padding (default 1rem).
 * @cssprop --totp-generator-radius - Corner radius (default 0.5rem).
 */
export class TotpGenerator extends LitElement {
  static override styles = styles;
  static formAssociated = true;
  // `static properties` rather than decorators: no decorator runtime in the self-contained bundle.
  static override properties = {
    issuer: {},
    accountName: { attribute: 'account-name' },
    digits: {},
    period: {},
    algorithm: {},
    name: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    requireVerification: { type: Boolean, attribute: 'require-verification' },
    strings: { attribute: false },
    givenSecret: { attribute: 'secret' },
    givenUri: { attribute: 'uri' },
    headingLevel: { attribute: 'heading-level' },
    recoveryCodes: { attribute: 'recovery-codes' },
  };

  private readonly _clock = new StepClockController(this, (now) => this._onTick(now));
  private readonly _enrollment = new EnrollmentController(this, this._clock, {
    inputs: () => this,
    checked: { properties: ['headingLevel', 'recoveryCodes'], check: () => this._checkAttributes() },
    strings: () => this._s,
    onShow: (shown) => this._onShow(shown),
    enrollDetail: (shown) => this._recovery.enrollDetail(shown.secret.base32),
  });
  private readonly _form = new FormController(this, () => this._validityProblem(), () => this._recovery.formValue(this.name, this.secret, this._verification.verified));
  private readonly _verification = new VerificationController(this, this._enrollment, this._clock);
  private readonly _copy = new CopyController(this);
  private readonly _announcer = new CodeAnnouncer(this, this._enrollment, this._clock);
  private readonly _download = new DownloadController(this, this._enrollment);
  private readonly _bar = new CountdownBarController(this, this._enrollment, this._clock);
  private readonly _recovery: RecoveryCodesController = new RecoveryCodesController(this, this._download);
  private readonly _qrDrawing = new QrDrawingMemo();
  // Public for nothing but the events it fires: kept as a field so that the controller's place in the order is visible.
  protected readonly valueEvents = new ValueEventsController(this, () => this.value);

  /** Who the account is with, e.g. `MyApp`. No colon. */
  issuer = '';
  /** The account at the issuer, e.g. `user@example.com`. Required; no colon. */
  accountName = '';
  /**
   * 6 or 8.
   * @type {6 | 8 | '6' | '8'}
   */
  digits: string | number = 6;
  /**
   * Seconds per code, 10 to 120.
   * @type {number | `${number}`}
   */
  period: string | number = 30;
  /**
   * SHA1, SHA256 or SHA512, spelled exactly so.
   * @type {'SHA1' | 'SHA256' | 'SHA512'}
   */
  algorithm = 'SHA1';
  /** The form field's name: with one, the secret is submitted as this field's value. */
  name = '';
  /** Disables the element like a built-in field (also when inside a disabled `<fieldset>`): every control inside, and nothing is submitted. */
  disabled = false;
  /** Invalid (blocks form submission) until the user has typed a correct code from their app. */
  requireVerification = false;
  /** Replacements for any of the user-visible strings (English by default). */
  strings: Partial<TotpGeneratorStrings> = {};
  /** The `secret` attribute: a Base32 secret to show instead of generating one. Read the `secret` property for the current one. */
  givenSecret: string | null = null;
  /** The `uri` attribute: an otpauth:// Key URI made elsewhere, shown (secret, QR, live code) instead of any other attribute's enrollment. Read the `uri` property for the current one. */
  givenUri: string | null = null;
  /**
   * Level of the element's headings, 1 to 6: 2 under the page's `<h1>`, one more than the heading of the section it is in.
   * @type {1 | 2 | 3 | 4 | 5 | 6 | `${1 | 2 | 3 | 4 | 5 | 6}`}
   */
  headingLevel: string | number = 2; // DEFAULT_HEADING_LEVEL, written out for custom-elements.json
  /**
   * How many recovery codes (1 to 20) to show once a code is verified and to submit as `name-recovery`; none without.
   * @type {number | `${number}` | null}
   */
  recoveryCodes: string | number | null = null;

  private _headingLevel = DEFAULT_HEADING_LEVEL;
  /** A declarative shadow root (server-rendered markup) was there before the element upgraded. */
  private _hydrating = !!this.shadowRoot;

  /** The current secret in Base32 (generated or brought), or `''` while an attribute is invalid. */
  get secret(): string { return this._enrollment.enrollment?.secret.base32 ?? ''; }

  /** Sets (or, with `''`, removes) the `secret` attribute: shows this Base32 secret instead of a generated one. */
  set secret(value: string) { setOrRemoveAttribute(this, 'secret', value); }

  /**
   * For frameworks' form bindings (Vue `v-model`, Angular `formControlName` + `ngDefaultControl`): the secret (Base32)
   * once the user has typed a correct code for it, `''` before and again with a new enrollment. `input` and `change`
   * fire when it changes. Writing it does nothing (bindings write back what they read); bring a secret with `secret`.
   */
  get value(): string { return this._verification.verified ? this.secret : ''; }

  set value(_ignored: string) { /* read-only in effect: see the getter */ }

  /** The otpauth:// URI the QR code holds, or `''`. */
  get uri(): string { return this._enrollment.enrollment?.uri ?? ''; }

  /** Sets (or, with `''`, removes) the `uri` attribute: shows the enrollment of this Key URI. */
  set uri(value: string) { setOrRemoveAttribute(this, 'uri', value); }

  /** The QR code as a PNG `data:` URI (the hosted API's `qr_code`), or `''` until it is drawn. */
  get qrCode(): string { return this._enrollment.qrCode; }

  /** The code for the current step, or `''`. */
  get currentCode(): string { return this._enrollment.code; }

  /** Testing hook: where the element reads the time and sets its one timer (default: `Date.now`, `setTimeout`). A fake clock controls time. */
  get clock(): Clock {
    return this._clock.clock;
  }

  set clock(clock: Clock) {
    this._clock.clock = clock;
    this._onTick(clock.now());
  }

  /** Resolves once the secret, URI, QR code and current code are all rendered: `true` with an enrollment shown, `false` with an error. */
  get enrollmentComplete(): Promise<boolean> { return this._enrollment.settle(); }

  // The form-control API of built-in fields, answered by the ElementInternals that the form controller owns.
  get form(): HTMLFormElement | null { return this._form.internals.form; }
  get validity(): ValidityState { return this._form.internals.validity; }
  get validationMessage(): string { return this._form.internals.validationMessage; }
  get willValidate(): boolean { return this._form.internals.willValidate; }
  checkValidity(): boolean { return this._form.internals.checkValidity(); }
  reportValidity(): boolean { return this._form.internals.reportValidity(); }

  /** Makes a new random secret. A `secret` or `uri` attribute (brought) goes too: asking for a new secret means not wanting that one. */
  regenerate(): void {
    this._enrollment.regenerate();
    this.secret = this.uri = '';
    this.givenSecret = this.givenUri = null;
  }

  /** Form reset: a generated secret is replaced by a new one; a brought secret or URI (the default value) stays. */
  formResetCallback(): void {
    if (!this.givenSecret && !this.givenUri) this.regenerate();
    this._verification.reset();
    this._recovery.reset();
  }

  /** The element's `disabled` attribute or a disabled ancestor <fieldset>: the browser then submits no value either. */
  formDisabledCallback(disabled: boolean): void {
    this._form.disabled = disabled;
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    // `?.`: Lit's constructor requests the first update before this class's fields exist.
    this._enrollment?.noteChange(name);
    super.requestUpdate(name, oldValue, options);
  }

  /** Builds the enrollment and its code before rendering, so that QR and code appear in the same frame. */
  protected override async scheduleUpdate(): Promise<void> {
    if (this._hydrating) {
      // The first render of server-rendered markup repeats the server's (the layout, no secret) so that Lit hydrates
      // it; the enrollment follows in the next update.
      this._hydrating = false;
      super.scheduleUpdate();
      this.requestUpdate();
      return;
    }
    await preparedForRender(this._enrollment);
    super.scheduleUpdate();
  }

  override render() {
    const s = this._s;
    const enrollment = this._enrollment.enrollment;
    // No enrollment and no error: rendering on a server, or hydrating what a server rendered — the layout, no secret.
    const shown = enrollment ? { ...enrollment, drawing: this._qrDrawing.drawing(enrollment), code: this._enrollment.code } : this._enrollment.error ? undefined : layoutPlaceholder(this);
    if (!shown) return errorView(s.lang, this._enrollment.error);
    const { digits } = shown.parameters;
    const level = this._headingLevel;
    const copy: CopyState = { copied: this._copy.copied, onCopy: (what, text, source) => void this._copy.copy(what, text, source) };
    // A fieldset so that disabling the element (its own `disabled`, or a disabled <fieldset> around it) disables
    // every control inside at once. `this.disabled` too: render runs before the attribute is reflected, which is when
    // the browser calls formDisabledCallback — too late for this render.
    return html`<fieldset lang=${s.lang} ?disabled=${this._form.disabled || this.disabled}>
      ${qrImage(shown.drawing, s.qrTitle)}
      <p>${s.scanHint}</p>
      ${compatibilityWarning(shown.parameters, s, level)}
      ${secretSection(s, shown, copy, level)}
      ${codeSection(s, { code: shown.code, blank: !enrollment, digits, bar: this._bar.bar, announcement: this._announcer.announcement, onReadCode: () => this._announcer.announce(s) }, copy, level)}
      ${verifySection(this._recovery.count ? { ...s, verifyValid: `${s.verifyValid} ${s.recoveryCodesNext}` } : s, { field: this._verification.field, result: this._verification.result, digits, onInput: () => this._verification.input(), onCheck: () => void this._verification.check() })}
      ${recoveryCodesSection(s, enrollment && this._verification.verified ? this._recovery.view(enrollment, s) : undefined, copy, level)}
      ${actions(s, { canRegenerate: !this.givenSecret && !this.givenUri, onDownload: (type) => enrollment && void this._download.save(enrollment, type, () => qrSvg(enrollment.qr, { title: s.qrTitle })), onRegenerate: () => this.regenerate() })}
    </fieldset>`;
  }

  private get _s(): TotpGeneratorStrings { return { ...en, ...this.strings }; }

  /** A new enrollment, or none: everything that described the previous one goes. */
  private _onShow(enrollment: Enrollment | undefined): void {
    this._verification.reset();
    this._copy.reset();
    this._announcer.reset();
    this._clock.period = enrollment?.parameters.period ?? 0;
  }

  private _checkAttributes(): void {
    this._headingLevel = parseHeadingLevel(this.headingLevel);
    this._recovery.count = parseRecoveryCodeCount(this.recoveryCodes);
  }

  private _onTick(now: number): void {
    this._bar.sync(now);
    // A new code: the last announcement and "Copied" described the old one.
    if (!this._enrollment.tick(now)) return;
    this._announcer.reset();
    this._copy.reset();
  }

  private _validityProblem(): ValidityProblem | undefined {
    const error = this._enrollment.error;
    if (error) return { message: error.message };
    if (!this.requireVerification) return undefined;
    if (!this._verification.verified) return { message: this._recovery.count ? this._s.verificationAndRecoveryRequired : this._s.verificationRequired, anchor: this._verification.field.value };
    return this._recovery.problem(this._s);
  }
}
