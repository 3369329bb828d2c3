/**
 * One saved account opened: shown as a read key is (`<read-enrollment>`: settings, live code, QR code for a second
 * device, key, link), then renamed, moved to another site, or deleted.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Enrollment } from '../../core/index.js';
import type { TotpGeneratorStrings } from '../../element/strings.js';
import type { ReadViewStrings } from '../read-view.js';
import type { SavedAccount } from '../vault/vault.js';
import type { Say } from './vault-messages.js';

export interface AccountView {
  readonly account: SavedAccount;
  readonly enrollment: Enrollment | undefined;
  readonly readStrings: ReadViewStrings;
  readonly elementStrings: Partial<TotpGeneratorStrings>;
  readonly confirmingDelete: boolean;
  onChange(label: string, site: string): void;
  onDelete(): void;
  onConfirmDelete(confirmed: boolean): void;
  onBack(): void;
}

export function accountView(say: Say, view: AccountView): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    view.onChange(String(form.get('label') ?? ''), String(form.get('site') ?? ''));
  };
  return html`<section id="vault-account">
    <read-enrollment .enrollment=${view.enrollment} .strings=${view.readStrings} .elementStrings=${view.elementStrings}></read-enrollment>
    <form id="vault-edit" class="vault-form" autocomplete="off" @submit=${submit}>
      <label><span>${say('vaultLabel')}</span><input name="label" type="text" maxlength="200" required spellcheck="false" .value=${view.account.label} /></label>
      <label><span>${say('vaultSite')}</span><input name="site" type="text" spellcheck="false" placeholder="https://example.com" .value=${view.account.site ?? ''} /></label>
      <div class="buttons">
        <button type="submit">${say('vaultSaveChanges')}</button>
        <button type="button" class="delete" @click=${() => view.onDelete()}>${say('vaultDelete')}</button>
        <button type="button" class="back" @click=${() => view.onBack()}>${say('vaultBack')}</button>
      </div>
    </form>
    ${view.confirmingDelete
      ? html`<div class="confirm" role="alertdialog">
          <p>${say('vaultDeleteConfirm', view.account.label)}</p>
          <button type="button" class="confirm-delete" @click=${() => view.onConfirmDelete(true)}>${say('vaultDelete')}</button>
          <button type="button" @click=${() => view.onConfirmDelete(false)}>${say('vaultCancel')}</button>
        </div>`
      : nothing}
  </section>`;
}
