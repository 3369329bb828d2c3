/**
 * Import: a file or pasted text (otpauth:// URIs one a line, our JSON, or one URI). Every refused line is named with
 * its number and reason; the good ones are imported only once the developer confirms.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Say } from './vault-messages.js';

export interface ImportCheck {
  /** Good accounts not saved yet, and those saved already (skipped). */
  readonly count: number;
  readonly duplicates: number;
  readonly refused: readonly { readonly line: number; readonly reason: string }[];
}

export interface ImportView {
  /** Where lines that name no site are saved: the active tab's site. */
  readonly site: string | null;
  readonly check: ImportCheck | undefined;
  onCheck(text: string): void;
  onFile(file: File): void;
  onConfirm(): void;
  onBack(): void;
}

export function importView(say: Say, view: ImportView): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    view.onCheck(String(new FormData(event.currentTarget as HTMLFormElement).get('text') ?? ''));
  };
  const file = (event: Event) => {
    const chosen = (event.currentTarget as HTMLInputElement).files?.[0];
    if (chosen) view.onFile(chosen);
  };
  const check = view.check;
  return html`<section id="vault-import">
    <h2>${say('vaultImport')}</h2>
    <form class="vault-form" autocomplete="off" @submit=${submit}>
      <label><span>${say('vaultImportFile')}</span><input name="file" type="file" accept=".txt,.json,text/plain,application/json" @change=${file} /></label>
      <label><span>${say('vaultImportPaste')}</span><textarea name="text" rows="4" spellcheck="false"></textarea></label>
      <p>${view.site === null ? say('vaultImportNoSite') : say('vaultImportSite', view.site)}</p>
      <button type="submit">${say('vaultImportCheck')}</button>
    </form>
    ${check === undefined
      ? nothing
      : html`<div id="vault-import-check">
          ${check.refused.length === 0 ? nothing : html`<p>${say('vaultImportRefused', String(check.refused.length))}</p>
            <ul id="vault-import-refused">${check.refused.map(({ line, reason }) => html`<li>${say('vaultImportLine', String(line), reason)}</li>`)}</ul>`}
          ${check.duplicates === 0 ? nothing : html`<p>${say('vaultImportDuplicates', String(check.duplicates))}</p>`}
          ${check.count === 0
            ? html`<p>${say('vaultImportNothing')}</p>`
            : html`<button type="button" id="vault-import-confirm" @click=${() => view.onConfirm()}>${say('vaultImportConfirm', String(check.count))}</button>`}
        </div>`}
    <button type="button" class="back" @click=${() => view.onBack()}>${say('vaultBack')}</button>
  </section>`;
}
