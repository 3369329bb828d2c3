// The endpoint's strict query reading, against URLSearchParams as the second implementation for well-formed queries;
// and what URLSearchParams lets through that the endpoint must not.
import { expect } from 'chai';
import fc from 'fast-check';
import { TotpParameterError } from '../../src/core/index.js';
import { parseQuery } from '../../src/core/query-string.js';

describe('core: strict query reading (the endpoint and generateHostedApiResult)', () => {
  it('reads every well-formed query with distinct names as URLSearchParams does', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(text.filter((name) => name !== ''), text), { selector: ([name]) => name, maxLength: 6 }), (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        expect({ ...parseQuery(`?${query}`) }).to.deep.equal(Object.fromEntries(new URLSearchParams(query)));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes + as a space and skips empty pairs, as forms do', () => {
    expect({ ...parseQuery('account_name=a+b%2Bc&&issuer=&digits') }).to.deep.equal({ account_name: 'a b+c', issuer: '', digits: '' });
  });

  it('takes __proto__ and constructor as plain names', () => {
    const parameters = parseQuery('__proto__=x&constructor=y');
    expect(Object.keys(parameters)).to.deep.equal(['__proto__', 'constructor']);
    expect(parameters['__proto__']).to.equal('x');
  });

  const refused: [string, string, RegExp][] = [
    ['account_name=%ZZ', 'account_name', /not valid percent-encoding/],
    ['account_name=%C3%28', 'account_name', /not valid percent-encoding/],
    ['account_name=%', 'account_name', /not valid percent-encoding/],
    ['issuer=%ED%A0%80', 'issuer', /not valid percent-encoding/], // a UTF-16 surrogate, not UTF-8
    ['na%ZZme=1', 'na%ZZme', /not valid percent-encoding/],
    ['digits=6&digits=6', 'digits', /digits: given more than once; expected one value/],
    ['a%62c=1&abc=2', 'abc', /given more than once/],
    ['=1&=2', 'query', /query: has "=1", a value without a parameter name/],
  ];
  for (const [query, field, message] of refused) {
    it(`refuses ${query}, naming ${field}`, () => {
      expect(() => parseQuery(query)).to.throw(TotpParameterError, message).with.property('field', field);
      // What URLSearchParams would have made of it instead: a different, well-formed request.
      expect(() => new URLSearchParams(query)).not.to.throw();
    });
  }
});
