/**
 * Unlocked: the accounts saved for the active tab's site first — label, live code, countdown, next code, Copy and
 * Fill — then the others under a filter box; damaged records listed as damaged, with Delete. A label opens its account.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CodeSource } from './account-code.js';
import type { SavedAccount, VaultEntry } from '../vault/vault.js';
import type { Say } from './vault-messages.js';

export interface ListView {
  /** The active tab's site, or null over a page that is none. */
  readonly site: string | null;
  readonly entries: readonly VaultEntry[];
  readonly filter: string;
  /**
   * Whether "Other sites" is open — its lines (and their codes) are made only then. Until the developer opens or
   * closes it: open when this site has no account, closed when it has.
   */
  readonly othersOpen: boolean | undefined;
  onOthersToggle(open: boolean): void;
  /** The key of each account, for its code line. */
  codeSource(account: SavedAccount): CodeSource | undefined;
  onFilter(text: string): void;
  onOpen(id: string): void;
  onCopy(code: string): void;
  onFill(code: string): void;
  onDeleteDamaged(id: string): void;
}

/** The account's code on screen, read from its line: what Copy and Fill use. */
function lineCode(event: Event): string {
  return (event.currentTarget as Element).closest('li')?.querySelector('account-code')?.currentCode ?? '';
}

function accountLine(say: Say, view: ListView, account: SavedAccount, showSite: boolean): TemplateResult {
  return html`<li class="account" data-id=${account.id}>
    <div class="account-head">
      <button type="button" class="link open" @click=${() => view.onOpen(account.id)}>${account.label}</button>
      ${showSite ? html`<span class="site">${account.site || say('vaultNoSite')}</span>` : nothing}
    </div>
    <div class="account-code">
      <account-code .enrollment=${view.codeSource(account)} .nextLabel=${say('viewNextCode')}></account-code>
      <button type="button" class="copy" @click=${(event: Event) => view.onCopy(lineCode(event))}>${say('vaultCopy')}</button>
      <button type="button" class="fill" @click=${(event: Event) => view.onFill(lineCode(event))}>${say('vaultFill')}</button>
    </div>
  </li>`;
}

function damagedLine(say: Say, view: ListView, id: string): TemplateResult {
  return html`<li class="damaged" data-id=${id}>
    <span>${say('vaultDamaged')}</span>
    <button type="button" class="delete" @click=${() => view.onDeleteDamaged(id)}>${say('vaultDelete')}</button>
  </li>`;
}

/** Whether an account matches the filter text: in its label, site, issuer or account name, case ignored. */
export function matchesFilter(account: SavedAccount, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return [account.label, account.site ?? '', account.issuer, account.accountName].some((text) => text.toLowerCase().includes(wanted));
}

export function listView(say: Say, view: ListView): TemplateResult {
  const accounts = view.entries.flatMap((entry) => (entry.kind === 'account' ? [entry.account] : []));
  const damaged = view.entries.flatMap((entry) => (entry.kind === 'damaged' ? [entry.id] : []));
  const here = view.site === null ? [] : accounts.filter((account) => account.site === view.site);
  const others = accounts.filter((account) => !here.includes(account));
  const othersOpen = view.othersOpen ?? here.length === 0;
  const toggle = (event: Event) => {
    const { open } = event.currentTarget as HTMLDetailsElement;
    if (open !== othersOpen) view.onOthersToggle(open);
  };
  return html`<section id="vault-list">
    ${view.site === null
      ? nothing
      : html`<h3>${say('vaultThisSite', view.site)}</h3>
          ${here.length === 0 ? html`<p class="none">${say('vaultNoneHere')}</p>` : html`<ul id="vault-here" class="accounts">${here.map((account) => accountLine(say, view, account, false))}</ul>`}`}
    ${others.length === 0
      ? nothing
      : html`<details id="vault-others" .open=${othersOpen} @toggle=${toggle}>
          <summary>${say('vaultOthers', String(others.length))}</summary>
          ${othersOpen
            ? html`<label class="filter"><span>${say('vaultFilter')}</span><input name="filter" type="search" spellcheck="false" autocomplete="off" .value=${view.filter}
                  @input=${(event: Event) => view.onFilter((event.currentTarget as HTMLInputElement).value)} /></label>
                <ul class="accounts">${others.filter((account) => matchesFilter(account, view.filter)).map((account) => accountLine(say, view, account, true))}</ul>`
            : nothing}
        </details>`}
    ${damaged.length === 0 ? nothing : html`<ul id="vault-damaged" class="accounts">${damaged.map((id) => damagedLine(say, view, id))}</ul>`}
  </section>`;
}
