/// <reference types="chrome" />
/**
 * The popup's tools for testing a sign-up page: "Read from this page", "Paste a key" and "Fill code into page".
 * A chunk of its own that popup.ts imports at the first use; the QR decoder is a further chunk (qr-scan.ts), fetched
 * while the tab is captured.
 *
 * A key read or pasted is never stored, logged or sent: it lives in `<read-enrollment>` until the popup closes or
 * "Back" is pressed. The paste field is emptied as soon as its key is shown.
 */
import type { TotpGenerator } from '../element/totp-generator.js';
import { en as englishStrings } from '../element/strings.js';
import type { Enrollment, TotpParametersInput } from '../core/index.js';
import { captureVisibleArea } from './capture.js';
import { fillMessage, fillTab, type FillResult } from './fill-tab.js';
import { elementStrings, type GetMessage } from './i18n.js';
import { popupMessage, type PopupMessage } from './popup-messages.js';
import { pageOutcome, pastedOutcome, type FoundKey, type ReadOutcome } from './read-outcome.js';
import { ReadEnrollment } from './read-view.js';
import { readViewStrings } from './read-view-strings.js';

type Source = 'read' | 'pasted';

export class PageTools {
  private readonly _view: ReadEnrollment;
  private _reading = false;

  constructor(
    private readonly _document: Document,
    /** The popup's generator: hidden while a key read or pasted is shown, and the code Fill types otherwise. */
    private readonly _generator: TotpGenerator,
    private readonly _getMessage: GetMessage,
    /** The popup's settings form, read at paste time: a bare Base32 secret is enrolled with them. */
    private readonly _settings: () => TotpParametersInput,
    /** Whether "Submit after filling" is on, read at fill time. */
    private readonly _fillSubmit: () => boolean = () => false,
  ) {
    if (!customElements.get('read-enrollment')) customElements.define('read-enrollment', ReadEnrollment);
    this._view = _document.createElement('read-enrollment');
    this._view.elementStrings = elementStrings(englishStrings, _getMessage);
    this._view.hidden = true;
    this._byId('read-view').append(this._view);
    this._byId('back').addEventListener('click', () => this._showNewSecret());
    this._byId('paste-instead').addEventListener('click', () => {
      this._byId<HTMLDetailsElement>('paste').open = true;
      this._pasteField.focus();
    });
  }

  /** Captures the visible part of the tab, decodes every QR code in it and shows what it holds. */
  async readPage(): Promise<void> {
    if (this._reading) return;
    this._reading = true;
    try {
      this._showMessage(this._message('reading'));
      // The decoder's chunk loads while the tab is captured.
      const decoder = import('./qr-scan.js');
      let image: ImageData;
      try {
        image = await captureVisibleArea();
      } catch {
        this._showMessage(this._message('readRefused'), { offerPaste: true });
        return;
      }
      // User Timing marks, for the browser's performance tools and bench/popup-read.bench.ts; nothing depends on them.
      performance.mark('totp-enroll:read-captured');
      const { scanQrCodes } = await decoder;
      performance.mark('totp-enroll:read-decoder-loaded');
      const scan = await scanQrCodes(image);
      performance.mark('totp-enroll:read-scanned');
      this._showOutcome(pageOutcome(scan), 'read');
    } finally {
      this._reading = false;
    }
  }

  /** Shows the key in the paste field (an otpauth:// link, or a bare Base32 secret with the popup's settings). */
  showPasted(): void {
    // The field is emptied first: whatever the reading does, the key does not stay in it.
    const text = this._pasteField.value;
    this._pasteField.value = '';
    this._showOutcome(pastedOutcome(text, this._settings()), 'pasted');
  }

  /** The key read or pasted that is on show, or undefined while the generator is shown: what Save saves. */
  get shownEnrollment(): Enrollment | undefined {
    return this._byId('read-result').hidden ? undefined : this._view.enrollment;
  }

  /**
   * Types the code on show into the page and says what the page then holds. The code of a key read or pasted is
   * filled at once. The popup's own new key is filled only once the user confirms (`confirmed`): Chrome closes the
   * popup at any click into the page and reopens it with another new key, so without a question Fill would put a
   * key's code into a page that has never seen that key and report success (issue 22). A page that shows the new
   * key is read first (Read from this page), which makes it the key on show. True when the page took the code.
   */
  async fillPage({ confirmed = false, note = '' } = {}): Promise<boolean> {
    const reading = !this._byId('read-result').hidden;
    const code = reading ? this._view.currentCode : this._generator.currentCode;
    if (code && !reading && !confirmed) {
      const name = [this._generator.issuer, this._generator.accountName].filter(Boolean).join(': ');
      this._showFillStatus(this._message('fillAskGenerated', name));
      this._byId('fill-confirm').hidden = false;
      return false;
    }
    return this.fillCode(code, note);
  }

  /**
   * Types `code` into the page and shows what the page then holds, with `note` after it (the time-window lab's
   * "step −1, offset +60 s"). True when the page took it. The lab's rows call this directly: a row's Fill names its
   * code and step, which is the user's choice of key and code.
   */
  async fillCode(code: string, note = ''): Promise<boolean> {
    let text: string;
    let result: FillResult | undefined;
    if (!code) text = this._message('fillNoCode');
    else {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      result = tab?.id === undefined ? { filled: false, reason: 'refused' } : await fillTab(tab.id, code, { submit: this._fillSubmit() });
      text = fillMessage(result, this._getMessage);
      // For bench/popup-fill.bench.ts and the browser's performance tools; nothing depends on it.
      performance.mark('totp-enroll:fill-done');
    }
    this._showFillStatus(note ? `${text} (${note})` : text, result);
    return result?.filled ?? false;
  }

  /** The one line under the buttons; its data attributes name the rule that chose the target, or why nothing was. */
  private _showFillStatus(text: string, result?: FillResult): void {
    this._byId('fill-confirm').hidden = true;
    const status = this._byId('fill-message');
    status.dataset.rule = result?.rule ?? '';
    status.dataset.reason = result?.reason ?? '';
    status.textContent = text;
    status.hidden = false;
  }

  private get _pasteField(): HTMLInputElement {
    return this._byId<HTMLFormElement>('paste-form').elements.namedItem('key') as HTMLInputElement;
  }

  private _byId<T extends HTMLElement = HTMLElement>(id: string): T {
    return this._document.getElementById(id) as T;
  }

  private _message(name: PopupMessage, ...values: string[]): string {
    return popupMessage(this._getMessage, name, ...values);
  }

  /** One key: shown. Several: listed to pick from. None: exactly one message, nothing else. */
  private _showOutcome(outcome: ReadOutcome, source: Source): void {
    switch (outcome.kind) {
      case 'found':
        return this._showKey(outcome.key, source);
      case 'choose':
        return this._showChoices(outcome.keys, source);
      case 'none':
        return this._showMessage(this._message(source === 'read' ? 'readNone' : 'pasteEmpty'), { offerPaste: source === 'read' });
      case 'cut-off':
        return this._showMessage(this._message('readCutOff'));
      case 'unreadable':
        return this._showMessage(this._message('readUnreadable'), { offerPaste: true });
      case 'foreign':
        return this._showMessage(this._message(outcome.what.kind === 'link' ? 'readForeignLink' : 'readForeignText', outcome.what.preview));
      case 'hotp':
        return this._showMessage(this._message('readHotp'));
      case 'migration':
        return this._showMessage(this._message('readMigration'));
      case 'invalid':
        return this._showMessage(this._message('readInvalid', outcome.error.field, outcome.error.problem, outcome.error.allowed));
    }
  }

  private _showKey(key: FoundKey, source: Source): void {
    this._enterReadMode();
    this._view.strings = readViewStrings(this._getMessage, this._message(source === 'read' ? 'viewHeadingRead' : 'viewHeadingPasted'));
    this._view.enrollment = key.enrollment;
    this._view.hidden = false;
  }

  private _showChoices(keys: readonly FoundKey[], source: Source): void {
    this._showMessage(this._message('readChoose', String(keys.length)));
    const list = this._byId('choices');
    list.replaceChildren(
      ...keys.map((key) => {
        const button = this._document.createElement('button');
        button.type = 'button';
        // Text, never markup: the names come from the page.
        button.textContent = key.name;
        button.addEventListener('click', () => this._showKey(key, source));
        const item = this._document.createElement('li');
        item.append(button);
        return item;
      }),
    );
    list.hidden = false;
  }

  /** Read mode with only a message: the settings, the generator and any earlier key are hidden. */
  private _showMessage(text: string, { offerPaste = false } = {}): void {
    this._enterReadMode();
    this._byId('message-text').textContent = text;
    this._byId('paste-instead').hidden = !offerPaste;
    this._byId('message').hidden = false;
  }

  private _enterReadMode(): void {
    this._view.enrollment = undefined;
    this._view.hidden = true;
    for (const id of ['settings', 'generator', 'message', 'choices', 'fill-message', 'fill-confirm']) this._byId(id).hidden = true;
    this._byId('choices').replaceChildren();
    this._byId('read-result').hidden = false;
  }

  private _showNewSecret(): void {
    this._view.enrollment = undefined;
    this._view.hidden = true;
    for (const id of ['read-result', 'message', 'fill-message', 'fill-confirm']) this._byId(id).hidden = true;
    for (const id of ['settings', 'generator']) this._byId(id).hidden = false;
  }
}
