// Every user-visible string of the popup through _locales: the page's data-i18n names, the element's strings (as
// `element_<key>` messages, with $1… for the values of function strings), in every language in _locales alike: each
// has every key English has and nothing else, with the same placeholders, and agrees with the element's own strings
// module for that language.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { en, type TotpGeneratorStrings } from '../../src/element/strings.js';
import { de } from '../../src/element/strings-de.js';
import { es } from '../../src/element/strings-es.js';
import { fr } from '../../src/element/strings-fr.js';
import { elementStrings, type GetMessage } from '../../src/extension/i18n.js';
import { BACKGROUND_MESSAGES } from '../../src/extension/background-messages.js';
import { POPUP_MESSAGES } from '../../src/extension/popup-messages.js';
import { VAULT_MESSAGES } from '../../src/extension/saved/vault-messages.js';

/** Every catalogue there is: a language added later is held to the same rules without touching this file. */
const LANGUAGES = readdirSync('_locales').sort();
/** The element's strings module of each language the element ships. */
const ELEMENT_STRINGS: Record<string, TotpGeneratorStrings> = { en, de, fr, es };
type Catalogue = Record<string, { message: string; placeholders?: unknown }>;
const catalogue = (lang: string): Catalogue => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));

/** A stand-in for chrome.i18n.getMessage over one catalogue, doing the $1… substitution as browsers do. */
function getMessageFrom(messages: Catalogue): GetMessage {
  return (name, substitutions = []) => {
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    return messages[name]?.message.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '') ?? '';
  };
}

/** The `$1`…`$9` a message uses, sorted, each once. */
const placeholders = (message: string): number[] => [...new Set([...message.matchAll(/\$(\d)/g)].map(([, index]) => Number(index)))].sort();

describe('extension: _locales', () => {
  const popupNames = [...readFileSync('src/extension/popup.html', 'utf8').matchAll(/data-i18n[\w-]*="(\w+)"/g)].map(([, name]) => name);

  it('has English, German, French and Spanish', () => {
    expect(LANGUAGES).to.include.members(['en', 'de', 'fr', 'es']);
  });

  it('the popup page marks its strings for translation', () => {
    expect(popupNames).to.include.members(['popupTitle', 'issuerLabel', 'accountNameLabel', 'digitsLabel', 'periodLabel', 'algorithmLabel']);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: has a message for every string of the page and of the element, and nothing else`, () => {
      const messages = catalogue(lang);
      const manifestNames = [...readFileSync('manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/g)].map(([, name]) => name);
      const expected = new Set([...popupNames, ...manifestNames, ...POPUP_MESSAGES, ...VAULT_MESSAGES, ...BACKGROUND_MESSAGES, ...Object.keys(en).map((key) => `element_${key}`)]);
      expect(Object.keys(messages).sort()).to.deep.equal([...expected].sort());
      for (const [name, { message }] of Object.entries(messages)) expect(message, name).to.be.a('string').and.not.equal('');
    });

    it(`${lang}: every key English has, and no other`, () => {
      expect(Object.keys(catalogue(lang)).sort()).to.deep.equal(Object.keys(catalogue('en')).sort());
    });

    it(`${lang}: each message uses the same placeholders as English’s`, () => {
      const english = catalogue('en');
      for (const [name, { message, placeholders: named }] of Object.entries(catalogue(lang))) {
        expect(placeholders(message), name).to.deep.equal(placeholders(english[name]!.message));
        expect(Object.keys(named ?? {}).sort(), name).to.deep.equal(Object.keys(english[name]!.placeholders ?? {}).sort());
      }
    });

    it(`${lang}: the element's messages say what the element's own ${lang} strings say`, () => {
      const strings = ELEMENT_STRINGS[lang];
      expect(strings, `src/element/strings-${lang}.ts`).to.not.equal(undefined);
      const messages = catalogue(lang);
      for (const [key, value] of Object.entries(strings!)) {
        const text = typeof value === 'function' ? (value as (...values: string[]) => string)('$1', '$2', '$3') : value;
        expect(messages[`element_${key}`]!.message, key).to.equal(text);
      }
    });

    it(`${lang}: function strings use exactly their $1…$n, plain strings none`, () => {
      const messages = catalogue(lang);
      for (const [key, value] of Object.entries(en)) {
        const used = placeholders(messages[`element_${key}`]!.message);
        const arity = typeof value === 'function' ? value.length : 0;
        expect(used, key).to.deep.equal(Array.from({ length: arity }, (_, index) => index + 1));
      }
    });
  }

  for (const lang of LANGUAGES.filter((lang) => lang !== 'en')) {
    it(`${lang} is really translated: no element message is left in English`, () => {
      const english = catalogue('en');
      const translated = catalogue(lang);
      const same = Object.keys(en).filter((key) => key !== 'lang' && translated[`element_${key}`]!.message === english[`element_${key}`]!.message);
      expect(same).to.deep.equal([]);
      expect(translated.element_lang!.message).to.equal(lang);
    });
  }

  it('the saved-accounts UI uses every message it lists', () => {
    const sources = readdirSync('src/extension/saved')
      .map((file) => readFileSync(`src/extension/saved/${file}`, 'utf8'))
      .join('\n')
      .replace(/export const VAULT_MESSAGES = \[[^\]]*\]/, '');
    for (const name of VAULT_MESSAGES) expect(sources, name).to.include(`'${name}'`);
  });

  it('the popup script uses every message it lists, with $1… only where it passes values', () => {
    const sources = ['popup.ts', 'page-tools.ts', 'read-view-strings.ts', 'fill-tab.ts', 'time-lab.ts', 'time-lab-view.ts'].map((file) => readFileSync(`src/extension/${file}`, 'utf8')).join('\n');
    for (const name of POPUP_MESSAGES) expect(sources, name).to.include(`'${name}'`);
    const english = catalogue('en');
    const withValues = ['readForeignLink', 'readForeignText', 'readInvalid', 'readChoose', 'fillAskGenerated', 'fillDoneBoxes', 'fillDoneBoxesLabelled', 'fillDoneFieldLabelled', 'fillMaxLength', 'fillGroupLength', 'fillFrameSameSite', 'fillFrameCrossSite', 'fillOutOfReach', 'fillNotKept'];
    withValues.push('labOffsetInvalid', 'labOffsetNote', 'labOffsetBanner', 'labStepNote', 'labReplayButton', 'labWhichInvalid', 'labWhichAgoOne', 'labWhichAgo', 'labWhichAheadOne', 'labWhichAhead', 'labWhichNotFound');
    for (const name of POPUP_MESSAGES) expect(/\$\d/.test(english[name]!.message), name).to.equal(withValues.includes(name));
  });

  it('the background script uses every message it lists (the fill shortcut’s outcomes), none with $1…', () => {
    const source = readFileSync('src/extension/background.ts', 'utf8');
    for (const name of BACKGROUND_MESSAGES) expect(source, name).to.include(`'${name}'`);
    for (const name of BACKGROUND_MESSAGES) expect(/\$\d/.test(catalogue('en')[name]!.message), name).to.equal(false);
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
