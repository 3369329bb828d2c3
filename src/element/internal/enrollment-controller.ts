/**
 * The enrollment the element shows, and when it is rebuilt.
 *
 * Rules: a change to any input rebuilds the enrollment before the next render. A generated secret is kept across
 * issuer, account, digits and period changes and through a temporarily invalid input; it is replaced only by
 * `regenerate()` or an algorithm change (so that its length fits the algorithm). A brought secret always wins, and a
 * brought Key URI wins over everything: it is a whole enrollment, made elsewhere (by a site's server, say).
 * Invalid input shows an error and nothing stale. The current code is recomputed only when the step changes.
 */
import type { ReactiveElement } from 'lit';
import { createEnrollment, generateCode, parseKeyUri, qrPngDataUri, timeStep, TotpParameterError, type Enrollment } from '../../core/index.js';
import type { TotpEnrollDetail, TotpErrorDetail } from '../events.js';
import type { TotpGeneratorStrings } from '../strings.js';
import { emit } from './emit.js';
import { errorDetail, InsecureContextError } from './error-detail.js';
import { afterPaintWhenIdle, type RenderPreparation } from './first-paint.js';

/** The host's properties an enrollment is built from: a change to any of them rebuilds it. */
export const ENROLLMENT_INPUTS = ['issuer', 'accountName', 'digits', 'period', 'algorithm', 'givenSecret', 'givenUri'] as const;

export interface EnrollmentInputs {
  readonly issuer: string;
  readonly accountName: string;
  readonly digits: string | number;
  readonly period: string | number;
  readonly algorithm: string;
  /** A brought Base32 secret; `null` (or blank) to generate one and keep it. */
  readonly givenSecret: string | null;
  /** A brought otpauth:// Key URI: when set (not blank), the enrollment it describes, whatever the inputs above say. */
  readonly givenUri: string | null;
}

export interface EnrollmentControllerOptions {
  /** The inputs as they are now (read at each rebuild). */
  inputs(): EnrollmentInputs;
  /**
   * The host's other attributes that must be valid for anything to be shown: their properties (a change to one
   * rebuilds too) and their check, which throws a TotpParameterError to show instead of the enrollment.
   */
  checked?: { readonly properties: readonly PropertyKey[]; check(): void };
  strings(): TotpGeneratorStrings;
  /** Another enrollment, or none, is now shown: the host forgets what belonged to the previous one. */
  onShow(enrollment: Enrollment | undefined): void;
  /** More for `totp-enroll`'s detail (the recovery codes), after the fields every enrollment has. */
  enrollDetail?(enrollment: Enrollment): Partial<TotpEnrollDetail>;
}

export class EnrollmentController implements RenderPreparation {
  private _enrollment: Enrollment | undefined;
  private _error: TotpErrorDetail | undefined;
  private _code = '';
  private _qrCode = '';
  /** The secret this controller generated, and for which algorithm. */
  private _generated: Enrollment['secret'] | undefined;
  private _generatedFor = '';
  private _stale = true;
  /** What made the enrollment shown what it is: its URI and extra `totp-enroll` detail. */
  private _shownKey = '';
  /** The code's step, so that a tick inside the same step recomputes nothing. */
  private _codeStep = NaN;
  /** The asynchronous work (code, PNG) of the latest change; `settle()` waits for it. */
  private _pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly _host: ReactiveElement,
    private readonly _clock: { now(): number },
    private readonly _options: EnrollmentControllerOptions,
  ) {}

  /** The enrollment shown, or undefined while an error is shown (or before the first build). */
  get enrollment(): Enrollment | undefined {
    return this._enrollment;
  }

  get error(): TotpErrorDetail | undefined {
    return this._error;
  }

  /** The code for the current step, or `''`. */
  get code(): string {
    return this._code;
  }

  /** The QR code as a PNG `data:` URI, or `''` until it is made (after the enrollment is painted). */
  get qrCode(): string {
    return this._qrCode;
  }

  /** An input changed (or a new secret was asked for) since the enrollment shown was built. */
  get stale(): boolean {
    return this._stale;
  }

  /** For the host's `requestUpdate`: a change to one of the inputs makes the enrollment stale. */
  noteChange(property: PropertyKey | undefined): void {
    if ((ENROLLMENT_INPUTS as readonly PropertyKey[]).includes(property!) || this._options.checked?.properties.includes(property!)) this._stale = true;
  }

  /** Forgets the generated secret: the next build makes a new one. */
  regenerate(): void {
    this._generated = undefined;
    this._stale = true;
    this._host.requestUpdate();
  }

  /**
   * Validates the inputs and builds the enrollment; on bad input shows an error and nothing stale. Resolves, never
   * rejects, once the new enrollment's code is known (or has failed, which is shown as an error).
   */
  prepare(): Promise<unknown> {
    this._stale = false;
    const inputs = this._options.inputs();
    const givenUri = inputs.givenUri?.trim();
    const given = givenUri || inputs.givenSecret?.trim();
    let enrollment: Enrollment;
    try {
      if (!globalThis.crypto?.subtle) throw new InsecureContextError();
      this._options.checked?.check();
      const keep = this._generated && this._generatedFor === inputs.algorithm ? this._generated.base32 : undefined;
      enrollment = givenUri
        ? keyUriEnrollment(givenUri)
        : createEnrollment({
            issuer: inputs.issuer,
            accountName: inputs.accountName,
            digits: inputs.digits,
            period: inputs.period,
            algorithm: inputs.algorithm,
            secret: given || keep,
          });
    } catch (error) {
      this._show(undefined);
      this._fail(error);
      return Promise.resolve();
    }
    if (!given) {
      this._generated = enrollment.secret;
      this._generatedFor = inputs.algorithm;
    }
    // The same URI and the same extra detail: nothing new to show or to announce with `totp-enroll`. New recovery codes
    // for the same secret (another count) are a new enrollment for the listeners, who would otherwise keep stale ones.
    const shownKey = `${enrollment.uri}\n${JSON.stringify(this._options.enrollDetail?.(enrollment) ?? {})}`;
    if (this._enrollment && shownKey === this._shownKey && !this._error) return Promise.resolve();
    this._shownKey = shownKey;
    this._show(enrollment);
    const code = this._computeCode(enrollment, this._clock.now());
    this._pending = code.then((value) => this._complete(enrollment, value)).catch((error) => this.failFor(enrollment, error));
    // Settled either way: the handler above shows a failure.
    return code.catch(() => undefined);
  }

  /** The clock reports `now`: starts computing the new code when the step changed. True when it did. */
  tick(now: number): boolean {
    const enrollment = this._enrollment;
    if (!enrollment || timeStep(enrollment.parameters.period, now) === this._codeStep) return false;
    this._pending = this._computeCode(enrollment, now).catch((error) => this.failFor(enrollment, error));
    return true;
  }

  /** Asynchronous work for `enrollment` failed (WebCrypto, compression): shown as an error if it is still shown. */
  failFor(enrollment: Enrollment, error: unknown): void {
    if (enrollment !== this._enrollment) return;
    this._show(undefined);
    this._fail(error);
  }

  /** Resolves once everything for the current inputs is rendered: true with an enrollment shown, false with an error. */
  async settle(): Promise<boolean> {
    for (;;) {
      await this._host.updateComplete;
      const pending = this._pending;
      await pending;
      await this._host.updateComplete;
      if (pending === this._pending && !this._host.isUpdatePending) return this._enrollment !== undefined && this._code !== '';
    }
  }

  /**
   * Makes the PNG behind `qrCode`, then fires `totp-enroll` with everything. The PNG is not on screen (the QR is SVG),
   * so it is made when the browser is idle after painting the QR and code: its compression never delays that frame.
   */
  private async _complete(enrollment: Enrollment, code: string | undefined): Promise<void> {
    await afterPaintWhenIdle(this._host);
    if (enrollment !== this._enrollment) return;
    const qrCode = await qrPngDataUri(enrollment.qr);
    if (enrollment !== this._enrollment) return;
    this._qrCode = qrCode;
    const { issuer, accountName, digits, period, algorithm } = enrollment.parameters;
    emit(this._host, 'totp-enroll', {
      secret: enrollment.secret.base32,
      uri: enrollment.uri,
      qr_code: qrCode,
      current_code: code ?? this._code,
      issuer,
      accountName,
      digits,
      period,
      algorithm,
      ...this._options.enrollDetail?.(enrollment),
    });
  }

  /** Replaces what is shown (or clears it) and everything that belonged to the previous enrollment. */
  private _show(enrollment: Enrollment | undefined): void {
    this._enrollment = enrollment;
    this._error = undefined;
    this._code = '';
    this._codeStep = NaN;
    this._qrCode = '';
    this._host.requestUpdate();
    this._options.onShow(enrollment);
  }

  private _fail(error: unknown): void {
    this._error = errorDetail(error, this._options.strings());
    this._host.requestUpdate();
    emit(this._host, 'totp-error', this._error);
  }

  /** The code for `now`, unless a newer request or another enrollment overtook this one. Returns it when used. */
  private async _computeCode(enrollment: Enrollment, now: number): Promise<string | undefined> {
    const step = timeStep(enrollment.parameters.period, now);
    this._codeStep = step;
    const code = await generateCode(enrollment.codeOptions, now);
    if (enrollment !== this._enrollment || step !== this._codeStep) return undefined;
    this._code = code;
    this._host.requestUpdate();
    return code;
  }
}

/**
 * The enrollment a Key URI describes. Whatever part of it is wrong — including a label too long for a QR code, which
 * only createEnrollment finds — the page author wrote the `uri` attribute, so that is the field named; the message
 * says which part of the URI is at fault.
 */
function keyUriEnrollment(uri: string): Enrollment {
  try {
    const { parameters, secret } = parseKeyUri(uri);
    return createEnrollment({ ...parameters, secret: secret.base32 });
  } catch (error) {
    if (!(error instanceof TotpParameterError) || error.field === 'uri') throw error;
    throw new TotpParameterError('uri', uri, error.allowed, `has ${error.field} that ${error.problem}`);
  }
}
