/**
 * Recovery codes (`recovery-codes="N"`): the codes of the enrollment shown, the "I have saved these codes" box, what
 * the form submits with them, and their Download (.txt) and Print.
 *
 * The codes belong to the secret: a new secret (or another count) brings new codes and unticks the box, so that a box
 * ticked for codes the user saved never vouches for other ones. They are shown only once the user has proved the app
 * set up, and submitted only once the box is ticked: a server never stores codes the user has not kept.
 */
import type { ReactiveElement } from 'lit';
import { generateRecoveryCodes, recoveryCodesText, RECOVERY_CODE_COUNT_ALLOWED, RECOVERY_CODE_COUNT_MAX, RECOVERY_CODE_COUNT_MIN, TotpParameterError, type Enrollment } from '../../core/index.js';
import type { TotpGeneratorStrings } from '../strings.js';
import type { ElementHolder } from './element-ref.js';
import type { DownloadController } from './download-controller.js';
import type { ValidityProblem } from './form-controller.js';
import type { RecoveryCodesView } from './recovery-codes-section.js';

/**
 * The `recovery-codes` attribute (or property) as a count, 0 when absent (off).
 *
 * @throws {TotpParameterError} named `recoveryCodes` for anything but a whole number from 1 to 20 (blank included:
 *   the page says how many, nothing is guessed).
 */
export function parseRecoveryCodeCount(value: unknown): number {
  if (value === undefined || value === null) return 0;
  // Decimal digits only, as the core reads numbers: "10.0", " 10" and "ten" are refused.
  const count = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(count) || count < RECOVERY_CODE_COUNT_MIN || count > RECOVERY_CODE_COUNT_MAX) throw new TotpParameterError('recoveryCodes', value, RECOVERY_CODE_COUNT_ALLOWED);
  return count;
}

/** The form field's name for the codes: `name-recovery`, one entry per code. */
export function recoveryFieldName(name: string): string {
  return `${name}-recovery`;
}

/** Who the codes are for, as the file and the printout title them: `Acme (ada@example.com)`. */
export function recoveryCodesTitle(strings: TotpGeneratorStrings, { issuer, accountName }: Pick<Enrollment['parameters'], 'issuer' | 'accountName'>): string {
  return strings.recoveryCodesTitle(issuer ? `${issuer} (${accountName})` : accountName);
}

/**
 * Prints only the codes: a small window (a frame would be blocked by a strict CSP's `default-src 'none'`) whose
 * document is built with DOM calls, so it needs no script or style of its own. False when the browser blocked it.
 */
export function printRecoveryCodes(lang: string, title: string, note: string, codes: readonly string[]): boolean {
  const printout = window.open('', '_blank', 'popup,width=480,height=640');
  if (!printout) return false;
  const page = printout.document;
  page.documentElement.lang = lang;
  page.title = title;
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text = ''): HTMLElementTagNameMap[K] => {
    const child = parent.appendChild(page.createElement(tag));
    child.textContent = text;
    return child;
  };
  add(page.body, 'h1', title);
  add(page.body, 'p', note);
  // <code> is monospace in the browser's own style sheet: no style needed.
  const list = add(page.body, 'ul');
  for (const code of codes) add(add(list, 'li'), 'code', code);
  printout.print();
  printout.close();
  return true;
}

export class RecoveryCodesController {
  /** Put on the "I have saved these codes" box: the form's validation points the user there. */
  readonly checkbox: ElementHolder<HTMLInputElement> = {};
  /** How many codes, from `parseRecoveryCodeCount`; 0 is off. */
  count = 0;
  private _key = '';
  private _codes: readonly string[] = [];
  private _saved = false;
  private _printBlocked = false;

  constructor(
    private readonly _host: ReactiveElement,
    private readonly _download: Pick<DownloadController, 'saveText'>,
  ) {}

  /** The codes of the enrollment whose secret is `secret` (none while off): made once per secret and count. */
  codesFor(secret: string): readonly string[] {
    if (!this.count || !secret) return [];
    const key = `${this.count} ${secret}`;
    if (key !== this._key) {
      this._codes = generateRecoveryCodes({ count: this.count });
      this._key = key;
      this._saved = false;
      this._printBlocked = false;
    }
    return this._codes;
  }

  /** The user ticked "I have saved these codes" (for the codes shown now). */
  get saved(): boolean {
    return this._saved;
  }

  set saved(saved: boolean) {
    this._saved = saved;
    this._host.requestUpdate();
  }

  /** The last Print found its window blocked. */
  get printBlocked(): boolean {
    return this._printBlocked;
  }

  /** What the section shows for `enrollment`, and its callbacks. */
  view(enrollment: Enrollment, strings: TotpGeneratorStrings): RecoveryCodesView {
    return {
      codes: this.codesFor(enrollment.secret.base32),
      saved: this._saved,
      printBlocked: this._printBlocked,
      checkbox: this.checkbox,
      onSaved: (saved) => (this.saved = saved),
      onDownload: () => this.download(enrollment, strings),
      onPrint: () => this.print(enrollment, strings),
    };
  }

  /** With `require-verification`, once a code is verified: the codes must be saved (the box ticked). */
  problem(strings: TotpGeneratorStrings): ValidityProblem | undefined {
    return this.count && !this._saved ? { message: strings.recoveryCodesRequired, anchor: this.checkbox.value } : undefined;
  }

  /** Form reset: the box goes back to unticked. */
  reset(): void {
    this.saved = false;
  }

  /** The extra `totp-enroll` detail: `recovery_codes` only while the attribute is set. */
  enrollDetail(secret: string): { recovery_codes?: string[] } {
    return this.count ? { recovery_codes: [...this.codesFor(secret)] } : {};
  }

  /**
   * What the form submits: the secret under `name` as without recovery codes, and once the codes were shown
   * (`verified`) and the box ticked, also one `name-recovery` entry per code. Nothing without a secret.
   */
  formValue(name: string, secret: string, verified: boolean): string | FormData | undefined {
    if (!secret) return undefined;
    const codes = this.codesFor(secret);
    if (!name || !codes.length || !verified || !this._saved) return secret;
    const value = new FormData();
    value.append(name, secret);
    for (const code of codes) value.append(recoveryFieldName(name), code);
    return value;
  }

  /** Saves the codes shown for `enrollment` as a .txt file: title, note, one code a line. */
  download(enrollment: Enrollment, strings: TotpGeneratorStrings): void {
    const text = recoveryCodesText(this.codesFor(enrollment.secret.base32), { title: recoveryCodesTitle(strings, enrollment.parameters), note: strings.recoveryCodesNote });
    this._download.saveText(text, enrollment.parameters, 'recovery-codes.txt');
  }

  /** Prints the codes shown for `enrollment`; when the browser blocks the window, says so. */
  print(enrollment: Enrollment, strings: TotpGeneratorStrings): void {
    const title = recoveryCodesTitle(strings, enrollment.parameters);
    this._printBlocked = !printRecoveryCodes(strings.lang, title, strings.recoveryCodesNote, this.codesFor(enrollment.secret.base32));
    this._host.requestUpdate();
  }
}
