/**
 * The element's template, in pieces: each function renders one part of the enrollment from plain values and
 * callbacks, and holds no state. The element composes them in `render()`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QrDrawing } from '../../core/index.js';
import type { TotpErrorDetail } from '../events.js';
import type { TotpGeneratorStrings } from '../strings.js';
import type { Copyable } from './copy-controller.js';
import type { DownloadType } from './download-controller.js';
import { elementRef, type ElementHolder } from './element-ref.js';
import { heading, type HeadingLevel } from './heading-level.js';
import type { VerifyResult } from './verification-controller.js';

/** A Base32 secret in groups of four, for typing by hand. */
export function groupSecret(base32: string): string {
  return base32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A code grouped for reading: `123 456`, `1234 5678`. */
export function groupCode(code: string, digits: number): string {
  return code.replace(digits === 6 ? /(\d{3})(?=\d)/g : /(\d{4})(?=\d)/g, '$1 ');
}

/** What is shown instead of an enrollment: the error (part `error`, announced at once), or nothing yet. */
export function errorView(lang: string, error: TotpErrorDetail | undefined): TemplateResult {
  return html`<div lang=${lang}>${error ? html`<p part="error" role="alert">${error.message}</p>` : nothing}</div>`;
}

/**
 * Part `qr`: the drawing as an inline SVG, the same image `qrSvg` writes to files. A template rather than markup, so
 * the title (which may hold the issuer's name) goes through a binding, which Lit always renders as text. One binding
 * per attribute (`viewBox`), and the title as a property: @lit-labs/ssr miscounts an attribute with two bindings and
 * reads a binding inside `<title>` as text (it parses `<title>` as HTML's, whose content is text), so the server
 * would fail to render the element.
 */
export function qrImage(drawing: QrDrawing, title: string): TemplateResult {
  const { side, path } = drawing;
  return html`<div part="qr"><svg xmlns="http://www.w3.org/2000/svg" viewBox=${`0 0 ${side} ${side}`} shape-rendering="crispEdges" role="img" aria-label=${title}
    ><title .textContent=${title}></title><rect width=${side} height=${side} fill="#fff"></rect><path fill="#000" d=${path}></path></svg></div>`;
}

/** What the copy buttons share: what was copied last, and how to copy. */
export interface CopyState {
  readonly copied: Copyable | 'failed' | undefined;
  /** `source` is the element showing the text, for selecting it when the clipboard is refused. */
  onCopy(what: Copyable, text: string, source: Element | null): void;
}

/** A copy button placed right after the element that shows `text`. */
export function copyButton(strings: TotpGeneratorStrings, copy: CopyState, what: Copyable, text: string, label: string): TemplateResult {
  return html`<button type="button" aria-label=${label} @click=${(event: Event) =>
    copy.onCopy(what, text, (event.currentTarget as Element).previousElementSibling)}>${copy.copied === what ? strings.copied : strings.copy}</button>`;
}

/** The secret for manual entry (part `secret`) and the collapsed setup link (part `uri`), each with a copy button. */
export function secretSection(
  strings: TotpGeneratorStrings,
  enrollment: { readonly secret: { readonly base32: string; readonly weak: boolean }; readonly uri: string; readonly blank?: boolean },
  copy: CopyState,
  level: HeadingLevel,
): TemplateResult {
  const { secret, uri } = enrollment;
  return html`<section>
    ${heading(level, strings.secretHeading)}
    <div class="row"><code part="secret" class=${enrollment.blank ? 'blank' : nothing}>${groupSecret(secret.base32)}</code>${copyButton(strings, copy, 'secret', secret.base32, strings.copySecret)}</div>
    ${secret.weak ? html`<p class="bad">${strings.weakSecret}</p>` : nothing}
    ${copy.copied === 'failed' ? html`<p role="status">${strings.copyFailed}</p>` : nothing}
    <details>
      <summary>${strings.uriHeading}</summary>
      <div class="row"><code part="uri">${uri}</code>${copyButton(strings, copy, 'uri', uri, strings.copyUri)}</div>
    </details>
  </section>`;
}

/**
 * The current code (part `code`), its copy and "Read code" buttons, the countdown (part `countdown`) and the polite
 * live region that says the code only when asked: new codes are not announced by themselves.
 */
export function codeSection(
  strings: TotpGeneratorStrings,
  view: { readonly code: string; readonly digits: number; readonly bar: ElementHolder<Element>; readonly announcement: string; readonly blank?: boolean; onReadCode(): void },
  copy: CopyState,
  level: HeadingLevel,
): TemplateResult {
  return html`<section>
    ${heading(level, strings.codeHeading)}
    <div class="row">
      <span part="code" class=${view.blank ? 'blank' : nothing}>${view.code ? groupCode(view.code, view.digits) : ''}</span>${copyButton(strings, copy, 'code', view.code, strings.copyCode)}
      <button type="button" @click=${() => view.onReadCode()}>${strings.readCode}</button>
    </div>
    <div part="countdown" aria-hidden="true"><div class="bar" ${elementRef(view.bar)}></div></div>
    <p class="sr" aria-live="polite">${view.announcement}</p>
  </section>`;
}

/** The text of the verification's result, or `''` before a check. */
export function resultText(strings: TotpGeneratorStrings, result: VerifyResult | undefined, digits: number): string {
  if (result === 'valid') return strings.verifyValid;
  if (result === 'mismatch') return strings.verifyMismatch;
  if (result === 'format') return strings.verifyFormat(digits);
  return '';
}

/** The field for the code from the user's app (part `verify`), its button, and the result (a status). */
export function verifySection(
  strings: TotpGeneratorStrings,
  view: { readonly field: ElementHolder<HTMLInputElement>; readonly result: VerifyResult | undefined; readonly digits: number; onInput(): void; onCheck(): void },
): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    // Enter checks the code; it must not submit the form around the element.
    event.preventDefault();
    view.onCheck();
  };
  return html`<section>
    <label for="verify">${strings.verifyLabel}</label>
    <div class="row">
      <input id="verify" part="verify" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" aria-describedby="result"
        ${elementRef(view.field)} @input=${() => view.onInput()} @keydown=${onKeydown} />
      <button type="button" @click=${() => view.onCheck()}>${strings.verifyButton}</button>
    </div>
    <p id="result" role="status" class=${view.result === 'valid' ? 'ok' : 'bad'}>${resultText(strings, view.result, view.digits)}</p>
  </section>`;
}

/** Download buttons, and "New secret" unless the secret was brought. */
export function actions(
  strings: TotpGeneratorStrings,
  view: { readonly canRegenerate: boolean; onDownload(type: DownloadType): void; onRegenerate(): void },
): TemplateResult {
  return html`<div class="row">
    <button type="button" @click=${() => view.onDownload('png')}>${strings.downloadPng}</button>
    <button type="button" @click=${() => view.onDownload('svg')}>${strings.downloadSvg}</button>
    ${view.canRegenerate ? html`<button type="button" @click=${() => view.onRegenerate()}>${strings.regenerate}</button>` : nothing}
  </div>`;
}
