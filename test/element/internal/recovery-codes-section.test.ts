// The recovery-codes section template rendered on its own: nothing without codes; heading at the level given, the
// codes as a list, the buttons and the labelled box calling back; "Copied" and the blocked-print status.
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Copyable } from '../../../src/element/internal/copy-controller.js';
import { recoveryCodesSection, type RecoveryCodesView } from '../../../src/element/internal/recovery-codes-section.js';
import { fr } from '../../../src/element/strings-fr.js';
import { mount } from '../helpers.js';

const CODES = ['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF', 'GGGG-HHHH-JJJJ'];

function setup(view: Partial<RecoveryCodesView>, copied?: Copyable) {
  const calls: string[] = [];
  const full: RecoveryCodesView = {
    codes: CODES,
    saved: false,
    printBlocked: false,
    checkbox: createRef(),
    onSaved: (saved) => void calls.push(`saved ${saved}`),
    onDownload: () => void calls.push('download'),
    onPrint: () => void calls.push('print'),
    ...view,
  };
  const copy = { copied, onCopy: (what: Copyable, text: string, source: Element | null) => void calls.push(`copy ${what} ${JSON.stringify(text)} ${source?.localName}`) };
  const host = mount<HTMLDivElement>(html`<div></div>`);
  render(recoveryCodesSection(fr, full, copy, 4), host);
  return { host, calls, view: full };
}

describe('internal: recoveryCodesSection', () => {
  it('renders nothing without codes', () => {
    const host = mount<HTMLDivElement>(html`<div></div>`);
    render(recoveryCodesSection(fr, undefined, { copied: undefined, onCopy: () => undefined }, 2), host);
    expect(host.children.length).to.equal(0);
    render(recoveryCodesSection(fr, { ...setup({}).view, codes: [] }, { copied: undefined, onCopy: () => undefined }, 2), host);
    expect(host.querySelector('section')).to.equal(null);
  });

  it('shows heading, note, list, buttons and the labelled box; each control calls back', () => {
    const { host, calls, view } = setup({});
    expect(host.querySelector('h4')!.textContent).to.equal(fr.recoveryCodesHeading);
    expect(host.querySelector('p')!.textContent).to.equal(fr.recoveryCodesNote);
    expect([...host.querySelectorAll('ul > li > code')].map((code) => code.textContent)).to.deep.equal(CODES);
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-label')])).to.deep.equal([
      [fr.copy, fr.copyRecoveryCodes],
      [fr.downloadRecoveryCodes, null],
      [fr.printRecoveryCodes, null],
    ]);
    for (const b of buttons) b.click();
    const box = host.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(view.checkbox.value).to.equal(box);
    expect(box.labels![0]!.textContent!.trim()).to.equal(fr.recoveryCodesSaved);
    box.click();
    expect(calls).to.deep.equal([`copy recovery-codes ${JSON.stringify(CODES.join('\n'))} ul`, 'download', 'print', 'saved true']);
    expect(host.querySelector('[role="status"]')).to.equal(null);
  });

  it('says "Copied", shows the box ticked, and the blocked print as a status', () => {
    const { host } = setup({ saved: true, printBlocked: true }, 'recovery-codes');
    expect(host.querySelector('button')!.textContent).to.equal(fr.copied);
    expect(host.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(true);
    expect(host.querySelector('[role="status"]')!.textContent).to.equal(fr.printBlocked);
  });
});
