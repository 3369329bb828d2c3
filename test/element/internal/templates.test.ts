// The template pieces, rendered alone: grouping for reading, the error view, copy buttons that hand over the text's
// element, Enter in the code field, result texts, and the regenerate button only for a generated secret.
import { expect, html } from '@open-wc/testing';
import { mount } from '../helpers.js';
import { createRef } from 'lit/directives/ref.js';
import { actions, codeSection, copyButton, errorView, groupCode, groupSecret, resultText, secretSection, verifySection, type CopyState } from '../../../src/element/internal/templates.js';
import { en } from '../../../src/element/strings.js';
import { de } from '../../../src/element/strings-de.js';

const noCopy: CopyState = { copied: undefined, onCopy: () => {} };

describe('internal: template pieces', () => {
  it('groups secrets in fours and codes in threes (6 digits) or fours (8 digits)', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).to.equal('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('JBSWY3DPEH')).to.equal('JBSW Y3DP EH');
    expect(groupCode('012345', 6)).to.equal('012 345');
    expect(groupCode('01234567', 8)).to.equal('0123 4567');
  });

  it('errorView: the message as an alert in part `error`, or an empty block before any', async () => {
    const shown = mount<HTMLElement>(html`<div>${errorView('de', { field: 'digits', message: 'Ungültig' })}</div>`);
    const error = shown.querySelector('[part=error]')!;
    expect([error.getAttribute('role'), error.textContent, error.closest('[lang]')!.getAttribute('lang')]).to.deep.equal(['alert', 'Ungültig', 'de']);
    const empty = mount<HTMLElement>(html`<div>${errorView('en', undefined)}</div>`);
    expect(empty.textContent).to.equal('');
  });

  it('a copy button labels itself, says "Copied" for what was copied, and hands over the element before it', async () => {
    const copies: [string, string, Element | null][] = [];
    const copy: CopyState = { copied: 'secret', onCopy: (what, text, source) => copies.push([what, text, source]) };
    const el = mount<HTMLElement>(html`<div><code>ABCD</code>${copyButton(en, copy, 'secret', 'ABCD', en.copySecret)}${copyButton(en, copy, 'uri', 'otpauth://x', en.copyUri)}</div>`);
    const [secret, uri] = el.querySelectorAll('button');
    expect([secret!.textContent, secret!.getAttribute('aria-label'), uri!.textContent]).to.deep.equal(['Copied', 'Copy key', 'Copy']);
    secret!.click();
    expect(copies).to.deep.equal([['secret', 'ABCD', el.querySelector('code')]]);
  });

  it('secretSection: a heading at the level asked, the grouped secret, a weak-secret note, the collapsed URI', async () => {
    const el = mount<HTMLElement>(html`<div>${secretSection(de, { secret: { base32: 'JBSWY3DPEHPK3PXP', weak: true }, uri: 'otpauth://totp/a' }, noCopy, 1)}</div>`);
    expect(el.querySelector('h1')!.textContent).to.equal(de.secretHeading);
    expect(el.querySelector('[part=secret]')!.textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    expect(el.textContent).to.contain(de.weakSecret);
    expect(el.querySelector('details:not([open]) [part=uri]')!.textContent).to.equal('otpauth://totp/a');
  });

  it('codeSection: a heading at the level asked, the grouped code, a hidden countdown, the announcement in a polite live region', async () => {
    let asked = 0;
    const view = { code: '01234567', digits: 8, bar: createRef<Element>(), announcement: 'said', onReadCode: () => asked++ };
    const el = mount<HTMLElement>(html`<div>${codeSection(en, view, noCopy, 6)}</div>`);
    expect(el.querySelector('h6')!.textContent).to.equal(en.codeHeading);
    expect(el.querySelector('[part=code]')!.textContent).to.equal('0123 4567');
    expect(el.querySelector('[part=countdown]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(view.bar.value).to.equal(el.querySelector('[part=countdown] > *'));
    expect(el.querySelector('[aria-live=polite]')!.textContent).to.equal('said');
    [...el.querySelectorAll('button')].find((button) => button.textContent === en.readCode)!.click();
    expect(asked).to.equal(1);
  });

  it('verifySection: Enter checks without submitting the form around; typing is reported', async () => {
    const calls: string[] = [];
    const field = createRef<HTMLInputElement>();
    const form = mount<HTMLFormElement>(
      html`<form>${verifySection(en, { field, result: 'format', digits: 8, onInput: () => calls.push('input'), onCheck: () => calls.push('check') })}</form>`,
    );
    const input = form.querySelector<HTMLInputElement>('[part=verify]')!;
    expect(field.value).to.equal(input);
    expect(input.labels![0]!.textContent).to.equal(en.verifyLabel);
    expect(form.querySelector('[role=status]')!.textContent).to.equal('Type the 8-digit code your app shows.');
    input.dispatchEvent(new InputEvent('input'));
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    input.dispatchEvent(enter);
    expect(enter.defaultPrevented).to.equal(true);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', cancelable: true }));
    expect(calls).to.deep.equal(['input', 'check']);
  });

  it('resultText: one text per result, none before a check', () => {
    expect([undefined, 'valid', 'mismatch', 'format'].map((result) => resultText(en, result as never, 6))).to.deep.equal([
      '',
      en.verifyValid,
      en.verifyMismatch,
      'Type the 6-digit code your app shows.',
    ]);
  });

  it('actions: both downloads, and "New secret" only when the secret may be regenerated', async () => {
    const calls: string[] = [];
    const view = (canRegenerate: boolean) => ({ canRegenerate, onDownload: (type: string) => calls.push(type), onRegenerate: () => calls.push('new') });
    const generated = mount<HTMLElement>(html`<div>${actions(en, view(true))}</div>`);
    for (const button of generated.querySelectorAll('button')) button.click();
    expect(calls).to.deep.equal(['png', 'svg', 'new']);
    const brought = mount<HTMLElement>(html`<div>${actions(en, view(false))}</div>`);
    expect([...brought.querySelectorAll('button')].map((button) => button.textContent)).to.deep.equal([en.downloadPng, en.downloadSvg]);
  });
});
