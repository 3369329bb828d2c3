/**
 * The store's own tools, behind "Manage": Lock now, the auto-lock time, Export, Import, Change passphrase, and
 * Delete all — the only way out of a forgotten passphrase, which it says.
 */
import { html, type TemplateResult } from 'lit';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN } from '../vault/status.js';
import type { Say } from './vault-messages.js';

export { AUTO_LOCK_MINUTES_MAX as AUTO_LOCK_MAX, AUTO_LOCK_MINUTES_MIN as AUTO_LOCK_MIN };

export interface ManageView {
  readonly autoLockMinutes: number;
  readonly confirmingDeleteAll: boolean;
  onAutoLock(minutes: number): void;
  onExport(): void;
  onImport(): void;
  onChangePassphrase(old: string, next: string, repeated: string): void;
  onDeleteAll(): void;
  onConfirmDeleteAll(confirmed: boolean): void;
  onBack(): void;
}

const formValue = (event: Event, name: string) => String(new FormData(event.currentTarget as HTMLFormElement).get(name) ?? '');

export function manageView(say: Say, view: ManageView): TemplateResult {
  const autoLock = (event: SubmitEvent) => {
    event.preventDefault();
    view.onAutoLock(Number(formValue(event, 'minutes')));
  };
  const change = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const [old, next, repeated] = ['old', 'next', 'repeated'].map((name) => formValue(event, name)) as [string, string, string];
    form.reset();
    view.onChangePassphrase(old, next, repeated);
  };
  return html`<section id="vault-manage">
    <h2>${say('vaultManageHeading')}</h2>
    <form id="vault-auto-lock" class="vault-form inline" @submit=${autoLock}>
      <label><span>${say('vaultAutoLock')}</span>
        <input name="minutes" type="number" min=${AUTO_LOCK_MINUTES_MIN} max=${AUTO_LOCK_MINUTES_MAX} step="1" required .value=${String(view.autoLockMinutes)} /></label>
      <button type="submit">${say('vaultApply')}</button>
    </form>
    <div class="buttons">
      <button type="button" id="vault-export-open" @click=${() => view.onExport()}>${say('vaultExport')}</button>
      <button type="button" id="vault-import-open" @click=${() => view.onImport()}>${say('vaultImport')}</button>
    </div>
    <details>
      <summary>${say('vaultChangePassphrase')}</summary>
      <form id="vault-change" class="vault-form" autocomplete="off" @submit=${change}>
        <label><span>${say('vaultPassphraseOld')}</span><input name="old" type="password" autocomplete="current-password" required /></label>
        <label><span>${say('vaultPassphraseNew')}</span><input name="next" type="password" autocomplete="new-password" required /></label>
        <label><span>${say('vaultPassphraseRepeat')}</span><input name="repeated" type="password" autocomplete="new-password" required /></label>
        <button type="submit">${say('vaultChangePassphrase')}</button>
      </form>
    </details>
    <details>
      <summary>${say('vaultDeleteAll')}</summary>
      <p>${say('vaultDeleteAllExplain')}</p>
      ${view.confirmingDeleteAll
        ? html`<p class="warning">${say('vaultDeleteAllConfirm')}</p>
            <button type="button" id="vault-delete-all-confirm" @click=${() => view.onConfirmDeleteAll(true)}>${say('vaultDeleteAll')}</button>
            <button type="button" @click=${() => view.onConfirmDeleteAll(false)}>${say('vaultCancel')}</button>`
        : html`<button type="button" id="vault-delete-all" @click=${() => view.onDeleteAll()}>${say('vaultDeleteAll')}</button>`}
    </details>
    <button type="button" class="back" @click=${() => view.onBack()}>${say('vaultBack')}</button>
  </section>`;
}
