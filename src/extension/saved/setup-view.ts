/** The first save's screen: the passphrase typed twice, and plainly what forgetting it means. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Say } from './vault-messages.js';

export function setupView(say: Say, view: { commonWarning: boolean; onSubmit(passphrase: string, repeated: string): void; onCancel(): void }): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    view.onSubmit(String(form.get('passphrase') ?? ''), String(form.get('repeated') ?? ''));
  };
  return html`<form id="vault-setup" class="vault-form" autocomplete="off" @submit=${submit}>
    <h2>${say('vaultSetupHeading')}</h2>
    <p>${say('vaultSetupExplain')}</p>
    <p class="warning"><strong>${say('vaultSetupWarning')}</strong></p>
    <label><span>${say('vaultPassphrase')}</span><input name="passphrase" type="password" autocomplete="new-password" required /></label>
    <label><span>${say('vaultPassphraseRepeat')}</span><input name="repeated" type="password" autocomplete="new-password" required /></label>
    ${view.commonWarning ? html`<p class="warning" role="status">${say('vaultPassphraseCommon')}</p>` : nothing}
    <div class="buttons">
      <button type="submit">${say(view.commonWarning ? 'vaultSetupAnyway' : 'vaultSetupButton')}</button>
      <button type="button" @click=${() => view.onCancel()}>${say('vaultCancel')}</button>
    </div>
  </form>`;
}
