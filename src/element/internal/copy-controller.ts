/**
 * Copy buttons: the clipboard, the "Copied" state, the `totp-copy` event, and selecting the text for the user where
 * the browser refuses the clipboard.
 */
import type { ReactiveElement } from 'lit';
import type { TotpCopyDetail } from '../events.js';
import { emit } from './emit.js';

export type Copyable = TotpCopyDetail['what'];

export class CopyController {
  private _copied: Copyable | 'failed' | undefined;

  constructor(private readonly _host: ReactiveElement) {}

  /** What was copied last (its button says "Copied"), `failed` when the clipboard was refused, or undefined. */
  get copied(): Copyable | 'failed' | undefined {
    return this._copied;
  }

  /** The copied text changed (a new code, a new enrollment): "Copied" would describe the old one. */
  reset(): void {
    this._copied = undefined;
    this._host.requestUpdate();
  }

  /** Puts `text` on the clipboard; without a clipboard (insecure page, permission refused) selects `source` instead. */
  async copy(what: Copyable, text: string, source: Element | null): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this._copied = what;
      emit(this._host, 'totp-copy', { what });
    } catch {
      this._copied = 'failed';
      if (source) getSelection()?.selectAllChildren(source);
    }
    this._host.requestUpdate();
  }
}
