/**
 * `<saved-accounts>`: the popup's saved test accounts, one screen at a time — set up, locked, the list (this site's
 * accounts first), one account, save, manage, export, import. This element decides which screen shows and talks to
 * the store (src/extension/vault/vault.ts, the only code that reads or writes saved accounts); each screen is a
 * template function in a file of its own (setup-view.ts, unlock-view.ts, list-view.ts, account-view.ts, save-view.ts,
 * manage-view.ts, export-view.ts, import-view.ts).
 *
 * Rendered into the light DOM, so popup.css styles it and it reads like the rest of the popup. Opened accounts live
 * in this page's memory only while unlocked, and are dropped at Lock.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createEnrollment, parseSecret, type Enrollment } from '../../core/index.js';
import { en as englishStrings, type TotpGeneratorStrings } from '../../element/strings.js';
import { elementStrings, type GetMessage } from '../i18n.js';
import { ReadEnrollment } from '../read-view.js';
import { readViewStrings } from '../read-view-strings.js';
import { exportAccounts, importAccounts, previewImport, type ImportPreview, type ImportRefusal } from '../vault/transfer.js';
import { checkPassphrase, VaultError, type NewAccount, type SavedAccount, type Vault, type VaultEntry, type VaultErrorKind } from '../vault/vault.js';
import { AccountCode, type CodeSource } from './account-code.js';
import { accountView } from './account-view.js';
import { normalSite } from './active-tab-site.js';
import { exportView } from './export-view.js';
import { importView } from './import-view.js';
import { listView } from './list-view.js';
import { AUTO_LOCK_MAX, AUTO_LOCK_MIN, manageView } from './manage-view.js';
import { saveView } from './save-view.js';
import { setupView } from './setup-view.js';
import { unlockView } from './unlock-view.js';
import { vaultSay, type Say, type VaultMessage } from './vault-messages.js';

/** A key the popup offers to save (the one read, pasted or generated), without its site. */
export type KeyToSave = Omit<NewAccount, 'site'>;

/** Where the background asked the popup to open (the fill shortcut could not fill by itself). */
export type OpenStep = 'unlock' | 'pick' | 'save';

type Screen = 'hidden' | 'setup' | 'locked' | 'forgot' | 'list' | 'save' | 'account' | 'manage' | 'export' | 'import';

/** Screens that take the whole popup: the generator and Read's view are hidden meanwhile. */
const FULL_SCREENS: ReadonlySet<Screen> = new Set(['setup', 'forgot', 'save', 'account', 'manage', 'export', 'import']);

/** The message for each refusal of the store; each one means nothing was changed. */
const REFUSALS: Partial<Record<VaultErrorKind, VaultMessage>> = {
  'wrong-passphrase': 'vaultWrongPassphrase',
  'passphrase-mismatch': 'vaultPassphraseMismatch',
  'passphrase-too-short': 'vaultPassphraseShort',
  'newer-format': 'vaultNewerFormat',
  'damaged-store': 'vaultDamagedStore',
  'quota-full': 'vaultQuotaFull',
  locked: 'vaultLockedMeanwhile',
};

export class SavedAccounts extends LitElement {
  static override properties = {
    _screen: { state: true },
    _entries: { state: true },
    _count: { state: true },
    _busy: { state: true },
    _notice: { state: true },
    _error: { state: true },
    _filter: { state: true },
    _othersOpen: { state: true },
    _openId: { state: true },
    _confirming: { state: true },
    _commonWarning: { state: true },
    _autoLock: { state: true },
    _exported: { state: true },
    _importCheck: { state: true },
  };

  vault!: Vault;
  getMessage!: GetMessage;
  /** The active tab's site (scheme://host:port), or null over a browser page. */
  site: string | null = null;
  /** Types a code into the active tab; resolves to what happened, in words. */
  fill: (code: string) => Promise<string> = async () => '';
  /** Told when a screen that takes the whole popup opens (true) or closes (false). */
  onFullScreen: (full: boolean) => void = () => undefined;

  private _screen: Screen = 'hidden';
  private _entries: VaultEntry[] = [];
  private _count = 0;
  private _busy = false;
  private _notice = '';
  private _error = '';
  private _filter = '';
  private _othersOpen: boolean | undefined;
  private _openId = '';
  private _confirming = false;
  private _commonWarning = false;
  private _autoLock = 15;
  private _exported: { text: string; format: 'uris' | 'json' } | undefined;
  private _importCheck: ImportPreview | undefined;
  /** The key waiting to be saved while the store is set up or unlocked first. */
  private _pending: KeyToSave | undefined;
  private _say: Say = (name) => name;
  private _elementStrings: Partial<TotpGeneratorStrings> = {};
  /** Each account's key for its code line, made once per unlock (no QR matrix: a list line shows none). */
  private readonly _codeSources = new Map<string, CodeSource | undefined>();

  static define(): void {
    if (!customElements.get('account-code')) customElements.define('account-code', AccountCode);
    if (!customElements.get('read-enrollment')) customElements.define('read-enrollment', ReadEnrollment);
    if (!customElements.get('saved-accounts')) customElements.define('saved-accounts', SavedAccounts);
  }

  /** Light DOM: styled by popup.css, found by tests and screen readers as the rest of the popup is. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Shows the store as it is: nothing when empty, the count and unlock field when locked, the list when unlocked. */
  async start(): Promise<void> {
    this._say = vaultSay(this.getMessage);
    this._elementStrings = elementStrings(englishStrings, this.getMessage);
    await this._showStore();
  }

  /** "Save as test account" for the key on show: sets up or unlocks the store first when it needs it. */
  async save(key: KeyToSave): Promise<void> {
    this._pending = key;
    this._clearMessages();
    const { state } = await this.vault.state();
    if (state === 'empty') return this._go('setup');
    if (state !== 'unlocked') {
      await this._showLocked();
      this._notice = this._say('vaultUnlockToSave');
      return;
    }
    this._go('save');
  }

  /**
   * Told when the store changed from elsewhere (vault/status.ts `onVaultChange`): auto-lock ran out, or another popup
   * or the background locked, saved or deleted all. An unlocked screen that is no longer unlocked goes back to the
   * store as it is; nothing about the change is in the event.
   */
  async storeChanged(): Promise<void> {
    if (this._busy || ['hidden', 'setup', 'locked', 'forgot'].includes(this._screen)) return;
    const { state } = await this.vault.state();
    if (state !== 'unlocked') await this._showStore();
  }

  /** The background's request: open at the step the fill shortcut needs. */
  async openAt(step: OpenStep): Promise<void> {
    await this._showStore();
    if (this._screen !== 'list') return;
    if (step === 'save') this._notice = this._say('vaultNoneToFill');
    if (step === 'pick') this._notice = this._say('vaultPickToFill');
  }

  // — Moving between screens —

  private async _showStore(): Promise<void> {
    const { state } = await this.vault.state();
    if (state === 'empty') return this._go('hidden');
    if (state !== 'unlocked') return this._showLocked();
    await this._loadEntries();
    this._go('list');
  }

  private async _showLocked(): Promise<void> {
    this._forgetOpened();
    const { state, count } = await this.vault.state();
    this._count = count;
    this._go('locked');
    if (state === 'newer-format') this._error = this._say('vaultNewerFormat');
    if (state === 'damaged') this._error = this._say('vaultDamagedStore');
  }

  private _go(screen: Screen): void {
    const wasFull = FULL_SCREENS.has(this._screen);
    this._screen = screen;
    this._confirming = false;
    this.hidden = screen === 'hidden';
    if (FULL_SCREENS.has(screen) !== wasFull) this.onFullScreen(FULL_SCREENS.has(screen));
  }

  private async _loadEntries(): Promise<void> {
    this._entries = await this.vault.list();
    performance.mark('totp-enroll:saved-opened');
    this._codeSources.clear();
  }

  private _forgetOpened(): void {
    this._entries = [];
    this._codeSources.clear();
    this._openId = '';
    this._exported = undefined;
    this._importCheck = undefined;
  }

  private _clearMessages(): void {
    this._notice = '';
    this._error = '';
  }

  private _fail(name: VaultMessage): void {
    this._clearMessages();
    this._error = this._say(name);
  }

  /** Runs a store call; a refusal becomes the error line and leaves the screen as it was (locked: the locked screen). */
  private async _attempt(action: () => Promise<void>): Promise<void> {
    this._clearMessages();
    this._busy = true;
    try {
      await action();
    } catch (error) {
      const kind = error instanceof VaultError ? error.kind : undefined;
      if (kind === 'locked') await this._showLocked();
      const field = error instanceof VaultError ? error.details.field : undefined;
      this._error = this._say(kind === 'invalid' && field === 'site' ? 'vaultSiteInvalid' : ((kind && REFUSALS[kind]) ?? 'vaultFailed'));
    } finally {
      this._busy = false;
    }
  }

  // — What the screens do —

  private _setUp(passphrase: string, repeated: string): void {
    const { problem, warning } = checkPassphrase(passphrase, repeated);
    if (problem) return this._fail(problem === 'passphrase-mismatch' ? 'vaultPassphraseMismatch' : 'vaultPassphraseShort');
    // A common passphrase: said once; submitting it again goes ahead.
    if (warning === 'common' && !this._commonWarning) {
      this._clearMessages();
      this._commonWarning = true;
      return;
    }
    void this._attempt(async () => {
      await this.vault.create(passphrase, repeated);
      this._commonWarning = false;
      await this._loadEntries();
      this._go(this._pending ? 'save' : 'list');
    });
  }

  private _unlock(passphrase: string): void {
    void this._attempt(async () => {
      await this.vault.unlock(passphrase);
      await this._loadEntries();
      this._go(this._pending ? 'save' : 'list');
    });
  }

  private _lock(): void {
    void this._attempt(async () => {
      await this.vault.lock();
      this._pending = undefined;
      await this._showLocked();
    });
  }

  private _saveLabelled(label: string): void {
    const key = this._pending;
    if (!key) return this._go('list');
    void this._attempt(async () => {
      const result = await this.vault.add({ ...key, label, site: this.site });
      this._pending = undefined;
      await this._loadEntries();
      this._go('list');
      this._notice = result.added ? this._say('vaultSaved', result.account.label) : this._say('vaultDuplicate', result.duplicate.label);
    });
  }

  private _cancel(): void {
    this._pending = undefined;
    this._commonWarning = false;
    this._clearMessages();
    void this._showStore();
  }

  private _copy(text: string, done: VaultMessage = 'vaultCopied'): void {
    if (!text) return;
    this._clearMessages();
    navigator.clipboard.writeText(text).then(
      () => (this._notice = this._say(done)),
      () => (this._error = this._say('vaultCopyFailed')),
    );
  }

  private _fillCode(code: string): void {
    this._clearMessages();
    if (!code) return;
    void this.fill(code).then((text) => (this._notice = text));
  }

  private _open(id: string): void {
    this._clearMessages();
    this._openId = id;
    this._go('account');
  }

  private _change(account: SavedAccount, label: string, site: string): void {
    const origin = normalSite(site);
    if (origin === undefined) return this._fail('vaultSiteInvalid');
    void this._attempt(async () => {
      if (label.trim() !== account.label) await this.vault.rename(account.id, label);
      if (origin !== account.site) await this.vault.moveToSite(account.id, origin);
      await this._loadEntries();
      this._notice = this._say('vaultChanged');
    });
  }

  private _delete(id: string): void {
    void this._attempt(async () => {
      await this.vault.delete(id);
      await this._showStore();
      this._notice = this._say('vaultDeleted');
    });
  }

  private _setAutoLock(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < AUTO_LOCK_MIN || minutes > AUTO_LOCK_MAX) {
      this._clearMessages();
      this._error = this._say('vaultAutoLockRange', String(AUTO_LOCK_MIN), String(AUTO_LOCK_MAX));
      return;
    }
    void this._attempt(async () => {
      await this.vault.setAutoLockMinutes(minutes);
      this._autoLock = minutes;
      this._notice = this._say('vaultAutoLockSet', String(minutes));
    });
  }

  private _manage(): void {
    void this._attempt(async () => {
      this._autoLock = await this.vault.autoLockMinutes();
      this._go('manage');
    });
  }

  private _changePassphrase(old: string, next: string, repeated: string): void {
    const { problem, warning } = checkPassphrase(next, repeated);
    if (problem) return this._fail(problem === 'passphrase-mismatch' ? 'vaultPassphraseMismatch' : 'vaultPassphraseShort');
    void this._attempt(async () => {
      await this.vault.changePassphrase(old, next, repeated);
      this._notice = this._say(warning === 'common' ? 'vaultPassphraseChangedCommon' : 'vaultPassphraseChanged');
    });
  }

  private _deleteAll(): void {
    void this._attempt(async () => {
      await this.vault.deleteAll();
      this._pending = undefined;
      this._forgetOpened();
      await this._showStore();
      this._notice = this._say('vaultAllDeleted');
    });
  }

  private _export(scope: 'site' | 'all', format: 'uris' | 'json', passphrase: string): void {
    void this._attempt(async () => {
      const { text } = await exportAccounts(this.vault, passphrase, scope === 'all' ? { format } : { format, site: this.site });
      this._exported = { text, format };
    });
  }

  private _download(): void {
    const exported = this._exported;
    if (!exported) return;
    const blob = new Blob([exported.text], { type: exported.format === 'json' ? 'application/json' : 'text/plain' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exported.format === 'json' ? 'totp-test-accounts.json' : 'totp-test-accounts.txt';
    link.click();
    // The object URL is let go right after the download starts: the text does not outlive the click.
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private _checkImport(text: string): void {
    void this._attempt(async () => {
      this._importCheck = await previewImport(this.vault, text, this.site);
    });
  }

  /** A refused import line's reason in the popup's language; hotp and migration as Read says them. */
  private _refusalReason(refusal: ImportRefusal): string {
    switch (refusal.reason) {
      case 'hotp':
        return this._say('readHotp');
      case 'migration':
        return this._say('readMigration');
      case 'invalid':
        return this._say('vaultImportInvalid', refusal.field ?? '');
      case 'not-a-key-uri':
        return this._say('vaultImportNotKey');
      case 'not-our-json':
        return this._say('vaultImportNotOurs');
    }
  }

  private _confirmImport(): void {
    const check = this._importCheck;
    if (!check) return;
    void this._attempt(async () => {
      const results = await importAccounts(this.vault, check);
      const added = results.filter((result) => result.added).length;
      this._importCheck = undefined;
      await this._showStore();
      this._notice = this._say('vaultImported', String(added), String(results.length - added));
    });
  }

  private _accounts(): SavedAccount[] {
    return this._entries.flatMap((entry) => (entry.kind === 'account' ? [entry.account] : []));
  }

  private _codeSource(account: SavedAccount): CodeSource | undefined {
    if (!this._codeSources.has(account.id)) {
      let source: CodeSource | undefined;
      try {
        const { digits, period, algorithm } = account;
        source = { parameters: { digits, period }, codeOptions: { secret: parseSecret(account.secret).bytes, digits, period, algorithm } };
      } catch {
        source = undefined;
      }
      this._codeSources.set(account.id, source);
    }
    return this._codeSources.get(account.id);
  }

  private _enrollment(account: SavedAccount): Enrollment | undefined {
    try {
      return createEnrollment(account);
    } catch {
      return undefined;
    }
  }

  // — Rendering —

  protected override updated(): void {
    // Said to assistive technology (and seen by tests) while the store works: unlocking takes a moment by design.
    this.setAttribute('aria-busy', String(this._busy));
  }

  override render(): TemplateResult | typeof nothing {
    if (this._screen === 'hidden') return nothing;
    return html`${this._header()}${this._messages()}${this._body()}`;
  }

  private _header(): TemplateResult {
    const unlocked = !['setup', 'locked', 'forgot'].includes(this._screen);
    return html`<header class="vault-header">
      <h2>${this._say('vaultHeading')}</h2>
      ${unlocked
        ? html`<button type="button" id="vault-manage-open" @click=${() => this._manage()}>${this._say('vaultManage')}</button>
            <button type="button" id="vault-lock" @click=${() => this._lock()}>${this._say('vaultLockNow')}</button>`
        : nothing}
    </header>`;
  }

  private _messages(): TemplateResult {
    return html`<p id="vault-notice" role="status" ?hidden=${this._notice === ''}>${this._notice}</p>
      <p id="vault-error" role="alert" ?hidden=${this._error === ''}>${this._error}</p>`;
  }

  private _body(): TemplateResult | typeof nothing {
    const say = this._say;
    switch (this._screen) {
      case 'hidden':
        return nothing;
      case 'setup':
        return setupView(say, { commonWarning: this._commonWarning, onSubmit: (passphrase, repeated) => this._setUp(passphrase, repeated), onCancel: () => this._cancel() });
      case 'locked':
        return html`${unlockView(say, { count: this._count, busy: this._busy, onUnlock: (passphrase) => this._unlock(passphrase) })}
          <button type="button" class="link" id="vault-forgot" @click=${() => this._go('forgot')}>${say('vaultForgot')}</button>`;
      case 'forgot':
        return this._forgotBody();
      case 'list':
        return listView(say, {
          site: this.site,
          entries: this._entries,
          filter: this._filter,
          othersOpen: this._othersOpen,
          onOthersToggle: (open) => (this._othersOpen = open),
          codeSource: (account) => this._codeSource(account),
          onFilter: (text) => (this._filter = text),
          onOpen: (id) => this._open(id),
          onCopy: (code) => this._copy(code),
          onFill: (code) => this._fillCode(code),
          onDeleteDamaged: (id) => this._delete(id),
        });
      case 'save':
        return saveView(say, { label: defaultLabel(this._pending), site: this.site, onSave: (label) => this._saveLabelled(label), onCancel: () => this._cancel() });
      case 'account':
        return this._accountBody();
      case 'manage':
        return manageView(say, {
          autoLockMinutes: this._autoLock,
          confirmingDeleteAll: this._confirming,
          onAutoLock: (minutes) => this._setAutoLock(minutes),
          onExport: () => this._go('export'),
          onImport: () => this._go('import'),
          onChangePassphrase: (old, next, repeated) => this._changePassphrase(old, next, repeated),
          onDeleteAll: () => (this._confirming = true),
          onConfirmDeleteAll: (confirmed) => (confirmed ? this._deleteAll() : (this._confirming = false)),
          onBack: () => this._backToList(),
        });
      case 'export':
        return exportView(say, {
          site: this.site,
          text: this._exported?.text,
          onExport: (scope, format, passphrase) => this._export(scope, format, passphrase),
          onDownload: () => this._download(),
          onCopy: () => this._copy(this._exported?.text ?? ''),
          onBack: () => this._backToList(),
        });
      case 'import':
        return importView(say, {
          site: this.site,
          check: this._importCheck && {
            count: this._importCheck.accounts.filter((candidate) => !candidate.duplicate).length,
            duplicates: this._importCheck.accounts.filter((candidate) => candidate.duplicate).length,
            refused: this._importCheck.refused.map((refusal) => ({ line: refusal.line, reason: this._refusalReason(refusal) })),
          },
          onCheck: (text) => this._checkImport(text),
          onFile: (file) => void file.text().then((text) => this._checkImport(text)),
          onConfirm: () => this._confirmImport(),
          onBack: () => this._backToList(),
        });
    }
  }

  private _accountBody(): TemplateResult | typeof nothing {
    const account = this._accounts().find((each) => each.id === this._openId);
    if (!account) return nothing;
    return accountView(this._say, {
      account,
      enrollment: this._enrollment(account),
      readStrings: readViewStrings(this.getMessage, account.label),
      elementStrings: this._elementStrings,
      confirmingDelete: this._confirming,
      onChange: (label, site) => this._change(account, label, site),
      onDelete: () => (this._confirming = true),
      onConfirmDelete: (confirmed) => (confirmed ? this._delete(account.id) : (this._confirming = false)),
      onBack: () => this._backToList(),
    });
  }

  private _forgotBody(): TemplateResult {
    const say = this._say;
    return html`<section id="vault-forgot-screen">
      <p>${say('vaultDeleteAllExplain')}</p>
      <p class="warning">${say('vaultDeleteAllConfirm')}</p>
      <div class="buttons">
        <button type="button" id="vault-delete-all-confirm" @click=${() => this._deleteAll()}>${say('vaultDeleteAll')}</button>
        <button type="button" class="back" @click=${() => void this._showLocked()}>${say('vaultBack')}</button>
      </div>
    </section>`;
  }

  private _backToList(): void {
    this._clearMessages();
    this._exported = undefined;
    this._importCheck = undefined;
    this._openId = '';
    void this._showStore();
  }
}

/** "Issuer — account", or the account alone: the label a key is offered under. */
function defaultLabel(key: KeyToSave | undefined): string {
  if (!key) return '';
  return key.issuer ? `${key.issuer} — ${key.accountName}` : key.accountName;
}

declare global {
  interface HTMLElementTagNameMap {
    'saved-accounts': SavedAccounts;
  }
}
