/** Locked: how many accounts are saved and an unlock field — nothing else about them. */
import { html, type TemplateResult } from 'lit';
import type { Say } from './vault-messages.js';

export function unlockView(say: Say, view: { count: number; busy: boolean; onUnlock(passphrase: string): void }): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = form.elements.namedItem('passphrase') as HTMLInputElement;
    const passphrase = field.value;
    // The field is emptied at once: a passphrase stays on screen (and in the DOM) no longer than it takes to submit.
    field.value = '';
    view.onUnlock(passphrase);
  };
  return html`<form id="vault-unlock" class="vault-form inline" autocomplete="off" @submit=${submit}>
    <p id="vault-count">${say('vaultLockedCount', String(view.count))}</p>
    <label><span>${say('vaultPassphrase')}</span><input name="passphrase" type="password" autocomplete="current-password" required ?disabled=${view.busy} /></label>
    <button type="submit" ?disabled=${view.busy}>${say(view.busy ? 'vaultUnlocking' : 'vaultUnlock')}</button>
  </form>`;
}
