// heading-level parsing (the levels 1–6, the default, and a TotpParameterError for anything else) and the heading
// template for each level.
import { expect, html } from '@open-wc/testing';
import { TotpParameterError } from '../../../src/core/index.js';
import { DEFAULT_HEADING_LEVEL, heading, parseHeadingLevel, type HeadingLevel } from '../../../src/element/internal/heading-level.js';
import { mount } from '../helpers.js';

describe('internal: heading level', () => {
  it('reads 1 to 6 from attributes and numbers; blank or absent is 2', () => {
    expect(['1', '2', '3', '4', '5', '6'].map(parseHeadingLevel)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect([1, 6].map(parseHeadingLevel)).to.deep.equal([1, 6]);
    expect([null, undefined, ''].map(parseHeadingLevel)).to.deep.equal([2, 2, 2]);
    expect(DEFAULT_HEADING_LEVEL).to.equal(2);
  });

  for (const value of ['0', '7', '2.0', ' 2', 'h2', 'two', 2.5, 0, 7, Number.NaN]) {
    it(`refuses ${JSON.stringify(value)} naming the field and the range`, () => {
      let thrown: unknown;
      try {
        parseHeadingLevel(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(TotpParameterError);
      const error = thrown as TotpParameterError;
      expect([error.field, error.value, error.allowed]).to.deep.equal(['headingLevel', value, 'a whole number from 1 to 6']);
    });
  }

  it('renders a real heading element of each level', () => {
    for (const level of [1, 2, 3, 4, 5, 6] as HeadingLevel[]) {
      const el = mount<HTMLElement>(html`<div>${heading(level, `Level ${level}`)}</div>`);
      expect(el.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal(`<h${level}>Level ${level}</h${level}>`);
    }
  });
});
