/**
 * `<totp-generator>`: a TOTP enrollment made in the browser — secret, QR code, setup link and live code — with a
 * field that checks the code the user's app shows. This module defines the class only; `define.ts` registers it.
 */
import { LitElement, html, nothing, type PropertyDeclaration } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  TotpParameterError,
  compatibilityProblems,
  createEnrollment,
  generateCode,
  millisecondsUntilNextStep,
  qrPng,
  qrPngDataUri,
  qrSvg,
  secondsRemaining,
  timeStep,
  verifyCode,
  type Enrollment,
} from '../core/index.js';
import type { TotpErrorDetail, TotpGeneratorEventMap } from './events.js';
import { whenIdle } from './when-idle.js';
import { StepClockController, type Clock } from './step-clock.js';
import { en, type TotpGeneratorStrings } from './strings.js';
import { styles } from './totp-generator.styles.js';

/** The core names fields as its API does; the page author wrote attributes. */
const ATTRIBUTE_OF: Record<string, string> = { accountName: 'account-name' };

/** The properties an enrollment is built from: a change to any of them rebuilds it. */
const ENROLLMENT_INPUTS = ['issuer', 'accountName', 'digits', 'period', 'algorithm', 'givenSecret'] as const;

type Copyable = TotpGeneratorEventMap['totp-copy']['detail']['what'];
type VerifyResult = 'valid' | 'mismatch' | 'format';

/**
 * Creates a TOTP enrollment on the device: a random secret from `crypto.getRandomValues` (or one you bring), its
 * otpauth:// URI, the QR code as inline SVG, and the current code, which changes exactly at each step boundary.
 * Form-associated: with `name`, the secret is the form value.
 *
 * @fires totp-enroll - A new enrollment is shown (new secret or parameters); detail has secret, uri, qr_code, current_code and the parameters.
 * @fires totp-verify - The user checked a code; detail `{valid, offset}`.
 * @fires totp-copy - Something was copied to the clipboard; detail `{what}`: `secret`, `uri` or `code`.
 * @fires totp-error - An attribute is invalid or the page is not a secure context; detail `{field, message}`.
 * @csspart qr - The QR code's container (an inline SVG inside).
 * @csspart secret - The secret, grouped in fours for manual entry.
 * @csspart uri - The otpauth:// URI.
 * @csspart code - The current code.
 * @csspart countdown - The bar counting down to the next code.
 * @csspart verify - The field for the code from the user's app.
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
    requireVerification: { type: Boolean, attribute: 'require-verification' },
    strings: { attribute: false },
    givenSecret: { attribute: 'secret' },
    _enrollment: { state: true },
    _error: { state: true },
    _code: { state: true },
    _qrCode: { state: true },
    _result: { state: true },
    _verified: { state: true },
    _copied: { state: true },
    _announcement: { state: true },
    _disabled: { state: true },
  };

  private readonly _internals = this.attachInternals();
  private readonly _clock = new StepClockController(this, (now) => this._onTick(now));

  /** Who the account is with, e.g. `MyApp`. No colon. */
  issuer = '';
  /** The account at the issuer, e.g. `user@example.com`. Required; no colon. */
  accountName = '';
  /** 6 or 8. */
  digits: string | number = 6;
  /** Seconds per code, 10 to 120. */
  period: string | number = 30;
  /** SHA1, SHA256 or SHA512, spelled exactly so. */
  algorithm = 'SHA1';
  /** The form field's name: with one, the secret is submitted as this field's value. */
  name = '';
  /** Invalid (blocks form submission) until the user has typed a correct code from their app. */
  requireVerification = false;
  /** Replacements for any of the user-visible strings (English by default). */
  strings: Partial<TotpGeneratorStrings> = {};
  /** The `secret` attribute: a Base32 secret to show instead of generating one. Read the `secret` property for the current one. */
  givenSecret: string | null = null;

  private _enrollment: Enrollment | undefined;
  private _error: TotpErrorDetail | undefined;
  private _code = '';
  private _qrCode = '';
  private _result: VerifyResult | undefined;
  private _verified = false;
  private _copied: Copyable | 'failed' | undefined;
  private _announcement = '';
  private _disabled = false;

  /** The secret this element generated: kept across issuer/account/digits/period changes. */
  private _generated: Enrollment['secret'] | undefined;
  private _generatedFor = '';
  /** An enrollment input changed (or a new secret was asked for) since the enrollment shown was built. */
  private _rebuild = true;
  /** The code's step, so that a tick inside the same step recomputes nothing. */
  private _codeStep = NaN;
  /** The asynchronous work (code, PNG) of the latest change; `enrollmentComplete` waits for it. */
  private _pending: Promise<unknown> = Promise.resolve();
  private _bar: Animation | undefined;
  private _downloadUrl: string | undefined;
  private _svg = { key: '', markup: '' };

  /** The current secret in Base32 (generated or brought), or `''` while an attribute is invalid. */
  get secret(): string {
    return this._enrollment?.secret.base32 ?? '';
  }

  /** Sets (or, with `''`, removes) the `secret` attribute: shows this Base32 secret instead of a generated one. */
  set secret(value: string) {
    if (value) this.setAttribute('secret', value);
    else this.removeAttribute('secret');
  }

  /** The otpauth:// URI the QR code holds, or `''`. */
  get uri(): string {
    return this._enrollment?.uri ?? '';
  }

  /** The QR code as a PNG `data:` URI (the hosted API's `qr_code`), or `''` until it is drawn. */
  get qrCode(): string {
    return this._qrCode;
  }

  /** The code for the current step, or `''`. */
  get currentCode(): string {
    return this._code;
  }

  /**
   * Testing hook: where the element reads the time and sets its one timer. Replace it with a fake clock to
   * control time; the default is `Date.now` and the global `setTimeout`.
   */
  get clock(): Clock {
    return this._clock.clock;
  }

  set clock(clock: Clock) {
    this._clock.clock = clock;
    this._onTick(clock.now());
  }

  /**
   * Resolves once the secret, URI, QR code and current code for the current attributes are all rendered:
   * `true` when an enrollment is shown, `false` when an error is shown instead.
   */
  get enrollmentComplete(): Promise<boolean> {
    return this._settle();
  }

  get form(): HTMLFormElement | null {
    return this._internals.form;
  }

  get validity(): ValidityState {
    return this._internals.validity;
  }

  get validationMessage(): string {
    return this._internals.validationMessage;
  }

  get willValidate(): boolean {
    return this._internals.willValidate;
  }

  checkValidity(): boolean {
    return this._internals.checkValidity();
  }

  reportValidity(): boolean {
    return this._internals.reportValidity();
  }

  /**
   * Makes a new random secret. A `secret` attribute (a brought secret) is removed first, since asking for a new
   * secret means not wanting that one.
   */
  regenerate(): void {
    this._generated = undefined;
    this._rebuild = true;
    this.secret = '';
    this.givenSecret = null;
    this.requestUpdate();
  }

  /** Form reset: a generated secret is replaced by a new one; a brought secret (the default value) stays. */
  formResetCallback(): void {
    if (!this.givenSecret) this.regenerate();
    else {
      this._verified = false;
      this._result = undefined;
    }
    const input = this._input();
    if (input) input.value = '';
  }

  /** The element's `disabled` attribute or a disabled ancestor <fieldset>: the browser then submits no value either. */
  formDisabledCallback(disabled: boolean): void {
    this._disabled = disabled;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._bar?.cancel();
    this._bar = undefined;
    this._revokeDownload();
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if ((ENROLLMENT_INPUTS as readonly PropertyKey[]).includes(name!)) this._rebuild = true;
    super.requestUpdate(name, oldValue, options);
  }

  /**
   * Builds the enrollment before rendering, and holds the render until its code is ready (one WebCrypto HMAC, about
   * a millisecond): QR and code then reach the screen in the same frame, with no frame drawn, laid out and
   * replaced in between. Inputs that change meanwhile are built too before anything renders.
   */
  protected override async scheduleUpdate(): Promise<void> {
    while (this._rebuild) await this._build();
    super.scheduleUpdate();
  }

  protected override updated(): void {
    this._syncBar(this._clock.now());
    this._updateValidity();
  }

  private get _s(): TotpGeneratorStrings {
    return { ...en, ...this.strings };
  }

  /**
   * Validates the attributes and builds the enrollment; on bad input shows an error and nothing stale. Resolves,
   * never rejects, once the new enrollment's code is known (or has failed, which is shown as an error).
   */
  private _build(): Promise<unknown> {
    this._rebuild = false;
    let enrollment: Enrollment;
    const given = this.givenSecret?.trim();
    try {
      if (!globalThis.crypto?.subtle) throw new InsecureContextError();
      const keep = this._generated && this._generatedFor === this.algorithm ? this._generated.base32 : undefined;
      enrollment = createEnrollment({
        issuer: this.issuer,
        accountName: this.accountName,
        digits: this.digits,
        period: this.period,
        algorithm: this.algorithm,
        secret: given || keep,
      });
    } catch (error) {
      this._show(undefined);
      this._fail(error);
      return Promise.resolve();
    }
    if (!given) {
      this._generated = enrollment.secret;
      this._generatedFor = this.algorithm;
    }
    if (enrollment.uri === this._enrollment?.uri && !this._error) return Promise.resolve();
    this._show(enrollment);
    const code = this._computeCode(enrollment, this._clock.now());
    this._pending = code.then((value) => this._complete(enrollment, value)).catch(this._failed(enrollment));
    // Settled either way: the handler above shows a failure.
    return code.catch(() => undefined);
  }

  /**
   * Makes the PNG behind `qrCode`, then fires `totp-enroll` with everything. The PNG is not on screen (the QR is SVG),
   * so it is made when the browser is idle after painting the QR and code: its compression never delays that frame.
   */
  private async _complete(enrollment: Enrollment, code: string | undefined): Promise<void> {
    await this.updateComplete;
    await whenIdle();
    if (enrollment !== this._enrollment) return;
    const qrCode = await qrPngDataUri(enrollment.qr);
    if (enrollment !== this._enrollment) return;
    this._qrCode = qrCode;
    const { issuer, accountName, digits, period, algorithm } = enrollment.parameters;
    this._emit('totp-enroll', {
      secret: enrollment.secret.base32,
      uri: enrollment.uri,
      qr_code: qrCode,
      current_code: code ?? this._code,
      issuer,
      accountName,
      digits,
      period,
      algorithm,
    });
  }

  /** A rejection handler for asynchronous work (WebCrypto, compression): shown as an error, never thrown to the page. */
  private _failed(enrollment: Enrollment) {
    return (error: unknown): void => {
      if (enrollment !== this._enrollment) return;
      this._show(undefined);
      this._fail(error);
    };
  }

  /** Replaces what is shown (or clears it) and everything that belonged to the previous enrollment. */
  private _show(enrollment: Enrollment | undefined): void {
    this._enrollment = enrollment;
    this._error = undefined;
    this._code = '';
    this._codeStep = NaN;
    this._qrCode = '';
    this._result = undefined;
    this._verified = false;
    this._copied = undefined;
    this._announcement = '';
    this._clock.period = enrollment?.parameters.period ?? 0;
    // An explicit null state: browsers keep a field's state in session history (and on disk, for session restore);
    // the secret must not go there.
    this._internals.setFormValue(enrollment?.secret.base32 ?? null, null);
    const input = this._input();
    if (input) input.value = '';
  }

  private _fail(error: unknown): void {
    const s = this._s;
    const detail: TotpErrorDetail =
      error instanceof TotpParameterError
        ? { field: ATTRIBUTE_OF[error.field] ?? error.field, message: s.invalidAttribute(ATTRIBUTE_OF[error.field] ?? error.field, error.problem, error.allowed) }
        : error instanceof InsecureContextError
          ? { field: 'crypto', message: s.insecureContext }
          : { field: 'unknown', message: String(error) };
    this._error = detail;
    this._emit('totp-error', detail);
  }

  /** The code for `now`, unless a newer request or another enrollment overtook this one. Returns it when used. */
  private async _computeCode(enrollment: Enrollment, now: number): Promise<string | undefined> {
    const step = timeStep(enrollment.parameters.period, now);
    this._codeStep = step;
    const code = await generateCode(enrollment.codeOptions, now);
    if (enrollment !== this._enrollment || step !== this._codeStep) return undefined;
    this._code = code;
    return code;
  }

  private _onTick(now: number): void {
    const enrollment = this._enrollment;
    if (!enrollment) return;
    this._syncBar(now);
    if (timeStep(enrollment.parameters.period, now) === this._codeStep) return;
    // A new code: the last announcement and "Copied" described the old one.
    this._announcement = '';
    this._copied = undefined;
    this._pending = this._computeCode(enrollment, now).catch(this._failed(enrollment));
  }

  /** Restarts the countdown bar's animation at the right point of the step: the browser animates it, not us. */
  private _syncBar(now: number): void {
    const bar = this.renderRoot?.querySelector?.('.bar');
    const enrollment = this._enrollment;
    if (!bar || !enrollment || !bar.animate) return;
    const stepMs = enrollment.parameters.period * 1000;
    this._bar?.cancel();
    // Web Animations, not a style attribute: a page's CSP without 'unsafe-inline' blocks style attributes.
    this._bar = bar.animate([{ transform: 'scaleX(1)' }, { transform: 'scaleX(0)' }], {
      duration: stepMs,
      iterations: Infinity,
      easing: matchMedia('(prefers-reduced-motion: reduce)').matches ? `steps(${enrollment.parameters.period})` : 'linear',
    });
    this._bar.currentTime = stepMs - millisecondsUntilNextStep(enrollment.parameters.period, now);
  }

  private _updateValidity(): void {
    const s = this._s;
    if (this._error) this._internals.setValidity({ customError: true }, this._error.message);
    else if (this.requireVerification && !this._verified) {
      this._internals.setValidity({ customError: true }, s.verificationRequired, this._input() ?? undefined);
    } else this._internals.setValidity({});
  }

  private async _settle(): Promise<boolean> {
    for (;;) {
      await this.updateComplete;
      const pending = this._pending;
      await pending;
      await this.updateComplete;
      if (pending === this._pending && !this.isUpdatePending) return this._enrollment !== undefined && this._code !== '';
    }
  }

  private _emit<K extends keyof TotpGeneratorEventMap>(type: K, detail: TotpGeneratorEventMap[K]['detail']): void {
    dispatch(this, type, detail);
  }

  private _input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector?.('input') ?? null;
  }

  private async _copy(what: Copyable, text: string, source: Element | null): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this._copied = what;
      this._emit('totp-copy', { what });
    } catch {
      // No clipboard (insecure page, permission refused): select the text so that the user can copy it.
      this._copied = 'failed';
      if (source) getSelection()?.selectAllChildren(source);
    }
  }

  private _copyButton(what: Copyable, text: string, label: string) {
    const s = this._s;
    return html`<button type="button" aria-label=${label} @click=${(event: Event) =>
      this._copy(what, text, (event.currentTarget as Element).previousElementSibling)}>${this._copied === what ? s.copied : s.copy}</button>`;
  }

  private async _verify(): Promise<void> {
    const enrollment = this._enrollment;
    const input = this._input();
    if (!enrollment || !input) return;
    let verification;
    try {
      verification = await verifyCode(enrollment.codeOptions, input.value, { timestamp: this._clock.now() });
    } catch (error) {
      return this._failed(enrollment)(error);
    }
    if (enrollment !== this._enrollment) return;
    this._result = verification.valid ? 'valid' : verification.reason;
    // Once the user proved their app is set up, a later typo does not undo it; a new enrollment does.
    if (verification.valid) this._verified = true;
    this._emit('totp-verify', { valid: verification.valid, offset: verification.valid ? verification.offset : null });
  }

  private _onInput(event: InputEvent): void {
    const enrollment = this._enrollment;
    const typed = (event.target as HTMLInputElement).value.replace(/\s+/g, '');
    this._result = undefined;
    // Check as soon as a whole code is typed, as sign-in forms do; Enter and the button check any input.
    if (enrollment && /^[0-9]+$/.test(typed) && typed.length === enrollment.parameters.digits) void this._verify();
  }

  private _readCode(): void {
    const enrollment = this._enrollment;
    if (!enrollment || !this._code) return;
    // Digits spaced out so that screen readers say "1 2 3" rather than "one hundred twenty-three".
    this._announcement = this._s.codeAnnouncement(this._code.split('').join(' '), secondsRemaining(enrollment.parameters.period, this._clock.now()));
  }

  private async _download(type: 'png' | 'svg'): Promise<void> {
    const enrollment = this._enrollment;
    if (!enrollment) return;
    let body: Uint8Array | string;
    try {
      body = type === 'png' ? await qrPng(enrollment.qr, { scale: 8 }) : this._qrSvg(enrollment);
    } catch (error) {
      return this._failed(enrollment)(error);
    }
    const url = URL.createObjectURL(new Blob([body as BlobPart], { type: type === 'png' ? 'image/png' : 'image/svg+xml' }));
    const link = document.createElement('a');
    link.href = url;
    const { issuer, accountName } = enrollment.parameters;
    link.download = `${[issuer, accountName].filter(Boolean).join('-').replace(/[^\w.@-]+/g, '_')}-totp.${type}`;
    link.click();
    // Firefox reads the object URL after the click returns, so it stays valid until the next download or until the
    // element is removed: at most one at a time, and no timer to clean up.
    this._revokeDownload();
    this._downloadUrl = url;
  }

  private _revokeDownload(): void {
    if (this._downloadUrl) URL.revokeObjectURL(this._downloadUrl);
    this._downloadUrl = undefined;
  }

  private _qrSvg(enrollment: Enrollment): string {
    const title = this._s.qrTitle;
    const key = `${enrollment.uri}\n${title}`;
    if (this._svg.key !== key) this._svg = { key, markup: qrSvg(enrollment.qr, { title }) };
    return this._svg.markup;
  }

  private _warning(enrollment: Enrollment) {
    const problems = compatibilityProblems(enrollment.parameters);
    if (problems.length === 0) return nothing;
    const s = this._s;
    const list = new Intl.ListFormat(s.lang, { type: 'conjunction' });
    const { digits, period, algorithm } = enrollment.parameters;
    const settingText = { algorithm: s.settingAlgorithm(algorithm), digits: s.settingDigits(digits), period: s.settingPeriod(period) };
    // One sentence per (effect, setting), naming every app it applies to.
    const groups = new Map<string, string[]>();
    for (const { app, setting, effect } of problems) {
      const key = `${effect} ${setting}`;
      groups.set(key, [...(groups.get(key) ?? []), app]);
    }
    const sentences = [...groups].map(([key, apps]) => {
      const [effect, setting] = key.split(' ') as ['wrong-codes' | 'refuses' | 'unsupported', keyof typeof settingText];
      const say = effect === 'wrong-codes' ? s.wrongCodes : effect === 'refuses' ? s.refuses : s.unsupported;
      return say(list.format(apps), settingText[setting]);
    });
    return html`<div part="warning" role="note">
      <h3>${s.compatibilityHeading}</h3>
      <ul>
        ${sentences.map((sentence) => html`<li>${sentence}</li>`)}
      </ul>
      <p>${s.compatibleApps(list.format(['Aegis', 'Ente Auth', 'Bitwarden']))}</p>
    </div>`;
  }

  override render() {
    const s = this._s;
    const enrollment = this._enrollment;
    if (!enrollment) {
      return html`<div lang=${s.lang}>${this._error ? html`<p part="error" role="alert">${this._error.message}</p>` : nothing}</div>`;
    }
    const digits = enrollment.parameters.digits;
    const code = this._code ? this._code.replace(digits === 6 ? /(\d{3})(?=\d)/g : /(\d{4})(?=\d)/g, '$1 ') : '';
    const result = this._result;
    // unsafeHTML only for our own SVG markup: qrSvg escapes the title, and the rest is numbers. User text (issuer,
    // account) goes through ordinary bindings, which Lit always renders as text.
    // A fieldset so that disabling the element (its own `disabled`, or a disabled <fieldset> around it) disables
    // every control inside at once.
    return html`<fieldset lang=${s.lang} ?disabled=${this._disabled}>
      <div part="qr">${unsafeHTML(this._qrSvg(enrollment))}</div>
      <p>${s.scanHint}</p>
      ${this._warning(enrollment)}
      <section>
        <h3>${s.secretHeading}</h3>
        <div class="row"><code part="secret">${enrollment.secret.base32.replace(/(.{4})(?=.)/g, '$1 ')}</code>${this._copyButton(
          'secret',
          enrollment.secret.base32,
          s.copySecret,
        )}</div>
        ${enrollment.secret.weak ? html`<p class="bad">${s.weakSecret}</p>` : nothing}
        ${this._copied === 'failed' ? html`<p role="status">${s.copyFailed}</p>` : nothing}
        <details>
          <summary>${s.uriHeading}</summary>
          <div class="row"><code part="uri">${enrollment.uri}</code>${this._copyButton('uri', enrollment.uri, s.copyUri)}</div>
        </details>
      </section>
      <section>
        <h3>${s.codeHeading}</h3>
        <div class="row">
          <span part="code">${code}</span>${this._copyButton('code', this._code, s.copyCode)}
          <button type="button" @click=${this._readCode}>${s.readCode}</button>
        </div>
        <div part="countdown" aria-hidden="true"><div class="bar"></div></div>
        <p class="sr" aria-live="polite">${this._announcement}</p>
      </section>
      <section>
        <label for="verify">${s.verifyLabel}</label>
        <div class="row">
          <input id="verify" part="verify" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby="result"
            @input=${this._onInput} @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && (event.preventDefault(), void this._verify())} />
          <button type="button" @click=${this._verify}>${s.verifyButton}</button>
        </div>
        <p id="result" role="status" class=${result === 'valid' ? 'ok' : 'bad'}>${
          result === 'valid' ? s.verifyValid : result === 'mismatch' ? s.verifyMismatch : result === 'format' ? s.verifyFormat(digits) : ''
        }</p>
      </section>
      <div class="row">
        <button type="button" @click=${() => this._download('png')}>${s.downloadPng}</button>
        <button type="button" @click=${() => this._download('svg')}>${s.downloadSvg}</button>
        ${this.givenSecret ? nothing : html`<button type="button" @click=${this.regenerate}>${s.regenerate}</button>`}
      </div>
    </fieldset>`;
  }
}

/** Every event the element fires follows one policy: it bubbles and crosses shadow roots. */
function dispatch(target: EventTarget, type: string, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** WebCrypto's `subtle` is missing: the page is not a secure context. */
class InsecureContextError extends Error {}
