/** "Save as test account": the label to save the key under (editable), and the site it is saved for. */
import { html, type TemplateResult } from 'lit';
import type { Say } from './vault-messages.js';

export function saveView(say: Say, view: { label: string; site: string | null; onSave(label: string): void; onCancel(): void }): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    view.onSave(String(new FormData(event.currentTarget as HTMLFormElement).get('label') ?? ''));
  };
  return html`<form id="vault-save" class="vault-form" autocomplete="off" @submit=${submit}>
    <h2>${say('vaultSaveHeading')}</h2>
    <p>${view.site === null ? say('vaultSaveNoSite') : say('vaultSaveSite', view.site)}</p>
    <label><span>${say('vaultLabel')}</span><input name="label" type="text" maxlength="200" required spellcheck="false" .value=${view.label} /></label>
    <div class="buttons">
      <button type="submit">${say('vaultSaveButton')}</button>
      <button type="button" @click=${() => view.onCancel()}>${say('vaultCancel')}</button>
    </div>
  </form>`;
}
