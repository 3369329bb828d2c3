// The element's one event policy: events bubble out of nested shadow roots to the document, detail intact.
import { expect } from '@open-wc/testing';
import { emit } from '../../../src/element/internal/emit.js';
import { mount } from '../helpers.js';
import { html } from 'lit';

describe('internal: emit', () => {
  it('fires a bubbling, composed event that a listener on document hears from inside a shadow root', () => {
    const outer = mount<HTMLDivElement>(html`<div></div>`);
    const inner = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    const heard: CustomEvent[] = [];
    const listener = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('totp-copy', listener);
    try {
      emit(inner, 'totp-copy', { what: 'code' });
    } finally {
      document.removeEventListener('totp-copy', listener);
    }
    expect(heard).to.have.length(1);
    expect([heard[0]!.bubbles, heard[0]!.composed, heard[0]!.detail]).to.deep.equal([true, true, { what: 'code' }]);
    expect(heard[0]!.target).to.equal(outer);
  });
});
