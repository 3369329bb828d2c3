/**
 * The recovery codes as the user sees them once the app is set up: heading, what they are for, the list, Copy /
 * Download / Print, and the "I have saved these codes" box. Plain values and callbacks in, no state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TotpGeneratorStrings } from '../strings.js';
import { elementRef, type ElementHolder } from './element-ref.js';
import { heading, type HeadingLevel } from './heading-level.js';
import type { CopyState } from './templates.js';

export interface RecoveryCodesView {
  readonly codes: readonly string[];
  readonly saved: boolean;
  readonly printBlocked: boolean;
  readonly checkbox: ElementHolder<HTMLInputElement>;
  onSaved(saved: boolean): void;
  onDownload(): void;
  onPrint(): void;
}

/** Part `recovery-codes`, or nothing while there are no codes to show. The copy puts one code a line on the clipboard. */
export function recoveryCodesSection(strings: TotpGeneratorStrings, view: RecoveryCodesView | undefined, copy: CopyState, level: HeadingLevel): TemplateResult | typeof nothing {
  if (!view?.codes.length) return nothing;
  const onCopy = (event: Event) => copy.onCopy('recovery-codes', view.codes.join('\n'), (event.currentTarget as Element).closest('section')!.querySelector('ul'));
  return html`<section part="recovery-codes">
    ${heading(level, strings.recoveryCodesHeading)}
    <p>${strings.recoveryCodesNote}</p>
    <ul class="codes">
      ${view.codes.map((code) => html`<li><code>${code}</code></li>`)}
    </ul>
    <div class="row">
      <button type="button" aria-label=${strings.copyRecoveryCodes} @click=${onCopy}>${copy.copied === 'recovery-codes' ? strings.copied : strings.copy}</button>
      <button type="button" @click=${() => view.onDownload()}>${strings.downloadRecoveryCodes}</button>
      <button type="button" @click=${() => view.onPrint()}>${strings.printRecoveryCodes}</button>
    </div>
    ${view.printBlocked ? html`<p role="status">${strings.printBlocked}</p>` : nothing}
    <label class="check"><input type="checkbox" .checked=${view.saved} ${elementRef(view.checkbox)}
      @change=${(event: Event) => view.onSaved((event.currentTarget as HTMLInputElement).checked)} />${strings.recoveryCodesSaved}</label>
  </section>`;
}
