// Every user-visible string of the popup through _locales: the page's data-i18n names, the element's strings (as
// `element_<key>` messages, with $1… for the values of function strings), in English and German alike.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { en } from '../../src/element/strings.js';
import { elementStrings, type GetMessage } from '../../src/extension/i18n.js';
import { POPUP_MESSAGES } from '../../src/extension/popup-messages.js';

const LANGUAGES = ['en', 'de'];
type Catalogue = Record<string, { message: string; placeholders?: unknown }>;
const catalogue = (lang: string): Catalogue => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));

/** A stand-in for chrome.i18n.getMessage over one catalogue, doing the $1… substitution as browsers do. */
function getMessageFrom(messages: Catalogue): GetMessage {
  return (name, substitutions = []) => {
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    return messages[name]?.message.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '') ?? '';
  };
}

describe('extension: _locales', () => {
  const popupNames = [...readFileSync('src/extension/popup.html', 'utf8').matchAll(/data-i18n[\w-]*="(\w+)"/g)].map(([, name]) => name);

  it('the popup page marks its strings for translation', () => {
    expect(popupNames).to.include.members(['popupTitle', 'issuerLabel', 'accountNameLabel', 'digitsLabel', 'periodLabel', 'algorithmLabel']);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: has a message for every string of the page and of the element, and nothing else`, () => {
      const messages = catalogue(lang);
      const manifestNames = [...readFileSync('manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/g)].map(([, name]) => name);
      const expected = new Set([...popupNames, ...manifestNames, ...POPUP_MESSAGES, ...Object.keys(en).map((key) => `element_${key}`)]);
      expect(Object.keys(messages).sort()).to.deep.equal([...expected].sort());
      for (const [name, { message }] of Object.entries(messages)) expect(message, name).to.be.a('string').and.not.equal('');
    });

    it(`${lang}: function strings use exactly their $1…$n, plain strings none`, () => {
      const messages = catalogue(lang);
      for (const [key, value] of Object.entries(en)) {
        const used = [...new Set([...messages[`element_${key}`]!.message.matchAll(/\$(\d)/g)].map(([, index]) => Number(index)))].sort();
        const arity = typeof value === 'function' ? value.length : 0;
        expect(used, key).to.deep.equal(Array.from({ length: arity }, (_, index) => index + 1));
      }
    });
  }

  it('the popup script uses every message it lists, with $1… only where it passes values', () => {
    const sources = ['popup.ts', 'page-tools.ts'].map((file) => readFileSync(`src/extension/${file}`, 'utf8')).join('\n');
    for (const name of POPUP_MESSAGES) expect(sources, name).to.include(`'${name}'`);
    const english = catalogue('en');
    const withValues = ['readForeignLink', 'readForeignText', 'readInvalid', 'readChoose'];
    for (const name of POPUP_MESSAGES) expect(/\$\d/.test(english[name]!.message), name).to.equal(withValues.includes(name));
  });

  it('German is really German: no element message is left in English', () => {
    const english = catalogue('en');
    const german = catalogue('de');
    const same = Object.keys(en).filter((key) => !['lang'].includes(key) && german[`element_${key}`]!.message === english[`element_${key}`]!.message);
    expect(same).to.deep.equal([]);
    expect(german.element_lang!.message).to.equal('de');
  });

  it('elementStrings() turns the catalogue into the element’s strings, values substituted in order', () => {
    const strings = elementStrings(en, getMessageFrom(catalogue('de')));
    expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(en).sort());
    expect(strings.copy).to.equal('Kopieren');
    expect(strings.lang).to.equal('de');
    expect(strings.codeAnnouncement!('1 2 3 4 5 6', 17)).to.equal('Aktueller Code: 1 2 3 4 5 6. Er wechselt in 17 Sekunden.');
    expect(strings.invalidAttribute!('period', 'is 5', '10 to 120')).to.equal('Ungültiges period: is 5. Erlaubt: 10 to 120.');
  });

  it('elementStrings() leaves out keys without a message, so the element keeps its English for them', () => {
    const strings = elementStrings(en, getMessageFrom({ element_copy: { message: 'Copier' } }));
    expect(strings).to.deep.equal({ copy: 'Copier' });
  });
});
