/**
 * Export: the accounts of one site or all, after the passphrase is typed again, as otpauth:// URIs (one a line) or
 * JSON — with the warning that the text holds the secrets in clear. Then Download or Copy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Say } from './vault-messages.js';

export interface ExportView {
  readonly site: string | null;
  /** The exported text once the passphrase was right; undefined before. */
  readonly text: string | undefined;
  onExport(scope: 'site' | 'all', format: 'uris' | 'json', passphrase: string): void;
  onDownload(): void;
  onCopy(): void;
  onBack(): void;
}

export function exportView(say: Say, view: ExportView): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const passphrase = String(data.get('passphrase') ?? '');
    (form.elements.namedItem('passphrase') as HTMLInputElement).value = '';
    view.onExport(data.get('scope') === 'site' ? 'site' : 'all', data.get('format') === 'json' ? 'json' : 'uris', passphrase);
  };
  return html`<section id="vault-export">
    <h2>${say('vaultExport')}</h2>
    <p class="warning"><strong>${say('vaultExportWarning')}</strong></p>
    ${view.text === undefined
      ? html`<form class="vault-form" autocomplete="off" @submit=${submit}>
          <fieldset>
            ${view.site === null ? nothing : html`<label class="choice"><input type="radio" name="scope" value="site" checked />${say('vaultExportSite', view.site)}</label>`}
            <label class="choice"><input type="radio" name="scope" value="all" ?checked=${view.site === null} />${say('vaultExportAll')}</label>
          </fieldset>
          <fieldset>
            <label class="choice"><input type="radio" name="format" value="uris" checked />${say('vaultFormatUris')}</label>
            <label class="choice"><input type="radio" name="format" value="json" />${say('vaultFormatJson')}</label>
          </fieldset>
          <label><span>${say('vaultPassphraseAgain')}</span><input name="passphrase" type="password" autocomplete="current-password" required /></label>
          <button type="submit">${say('vaultExport')}</button>
        </form>`
      : html`<textarea id="vault-export-text" readonly rows="6" spellcheck="false" .value=${view.text}></textarea>
          <div class="buttons">
            <button type="button" id="vault-export-download" @click=${() => view.onDownload()}>${say('vaultDownload')}</button>
            <button type="button" id="vault-export-copy" @click=${() => view.onCopy()}>${say('vaultCopy')}</button>
          </div>`}
    <button type="button" class="back" @click=${() => view.onBack()}>${say('vaultBack')}</button>
  </section>`;
}
