// The copy controller on a minimal Lit host: the clipboard receives the text and totp-copy names it; a refused
// clipboard selects the text instead.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { CopyController } from '../../../src/element/internal/copy-controller.js';
import { mountHost } from './support.js';

class CopyHost extends LitElement {
  readonly copy = new CopyController(this);

  override render() {
    return html`<code>JBSW Y3DP</code>`;
  }
}
customElements.define('test-copy-host', CopyHost);

/** Replaces the clipboard's writeText for the duration of `run`. */
async function withClipboard(writeText: (text: string) => Promise<void>, run: () => Promise<void>): Promise<void> {
  const original = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
  Object.defineProperty(Clipboard.prototype, 'writeText', { configurable: true, value: writeText });
  try {
    await run();
  } finally {
    Object.defineProperty(Clipboard.prototype, 'writeText', original);
  }
}

describe('internal: CopyController', () => {
  it('copies, marks what was copied and fires totp-copy; reset() clears the mark', async () => {
    const el = await mountHost<CopyHost>('test-copy-host');
    const written: string[] = [];
    const events: CustomEvent[] = [];
    el.addEventListener('totp-copy', (event) => events.push(event));
    await withClipboard(
      async (text) => void written.push(text),
      () => el.copy.copy('uri', 'otpauth://totp/a?secret=JBSWY3DP', null),
    );
    expect(written).to.deep.equal(['otpauth://totp/a?secret=JBSWY3DP']);
    expect(el.copy.copied).to.equal('uri');
    expect(events.map((event) => [event.detail.what, event.bubbles, event.composed])).to.deep.equal([['uri', true, true]]);
    el.copy.reset();
    expect(el.copy.copied).to.equal(undefined);
  });

  it('when the clipboard is refused: no event, state `failed`, and the source text selected', async () => {
    const el = await mountHost<CopyHost>('test-copy-host');
    const events: CustomEvent[] = [];
    el.addEventListener('totp-copy', (event) => events.push(event));
    try {
      await withClipboard(
        () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
        () => el.copy.copy('secret', 'JBSWY3DP', el.shadowRoot!.querySelector('code')),
      );
      expect(events).to.deep.equal([]);
      expect(el.copy.copied).to.equal('failed');
      expect(getSelection()!.toString()).to.equal('JBSW Y3DP');
    } finally {
      getSelection()!.removeAllRanges();
    }
  });
});
