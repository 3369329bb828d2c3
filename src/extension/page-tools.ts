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
import type { TotpParametersInput } from '../core/index.js';
import { captureVisibleArea } from './capture.js';
import { fillOneTimeCode, type FillResult } from './fill-code.js';
import { elementStrings, type GetMessage } from './i18n.js';
import { popupMessage, type PopupMessage } from './popup-messages.js';
import { pageOutcome, pastedOutcome, type FoundKey, type ReadOutcome } from './read-outcome.js';
import { ReadEnrollment } from './read-view.js';

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

  /** Types the code on show (the key read or pasted, else the generator's) into the page, and says what happened. */
  async fillPage(): Promise<void> {
    const code = this._byId('read-result').hidden ? this._generator.currentCode : this._view.currentCode;
    let text: string;
    if (!code) text = this._message('fillNoCode');
    else {
      try {
        const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        // The top frame only: activeTab grants the tab's own origin, not frames from other sites in it.
        const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: fillOneTimeCode, args: [code] });
        text = this._fillText(injection?.result as FillResult | undefined);
      } catch {
        text = this._message('fillRefused');
      }
    }
    const status = this._byId('fill-message');
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
    this._view.strings = {
      heading: this._message(source === 'read' ? 'viewHeadingRead' : 'viewHeadingPasted'),
      issuer: this._getMessage('issuerLabel'),
      accountName: this._getMessage('accountNameLabel'),
      digits: this._getMessage('digitsLabel'),
      period: this._getMessage('periodLabel'),
      algorithm: this._getMessage('algorithmLabel'),
      noIssuer: this._message('viewNoIssuer'),
      nextCode: this._message('viewNextCode'),
    };
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
    for (const id of ['settings', 'generator', 'message', 'choices', 'fill-message']) this._byId(id).hidden = true;
    this._byId('choices').replaceChildren();
    this._byId('read-result').hidden = false;
  }

  private _showNewSecret(): void {
    this._view.enrollment = undefined;
    this._view.hidden = true;
    for (const id of ['read-result', 'message', 'fill-message']) this._byId(id).hidden = true;
    for (const id of ['settings', 'generator']) this._byId(id).hidden = false;
  }

  private _fillText(result: FillResult | undefined): string {
    if (!result) return this._message('fillRefused');
    if (result.filled) return this._message('fillDone');
    return this._message(({ 'no-field': 'fillNoField', 'several-fields': 'fillSeveralFields', 'cross-origin-frame': 'fillCrossOrigin' } as const)[result.reason]);
  }
}
