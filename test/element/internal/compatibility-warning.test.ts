// The compatibility warning's text: nothing for SHA1 / 6 / 30, one sentence per effect and setting naming every app,
// lists joined in the strings' language; and its template.
import { expect, html } from '@open-wc/testing';
import { mount } from '../helpers.js';
import { compatibilityText, compatibilityWarning } from '../../../src/element/internal/compatibility-warning.js';
import { en } from '../../../src/element/strings.js';
import { de } from '../../../src/element/strings-de.js';

describe('internal: compatibility warning', () => {
  it('says nothing for the settings every app handles', () => {
    expect(compatibilityText({ digits: 6, period: 30, algorithm: 'SHA1' }, en)).to.equal(undefined);
  });

  it('groups the apps per effect and setting, in English', () => {
    expect(compatibilityText({ digits: 8, period: 30, algorithm: 'SHA256' }, en)).to.deep.equal({
      sentences: [
        'Google Authenticator (older Android versions) would show wrong codes, because of the SHA256 algorithm.',
        'Google Authenticator (older Android versions) would show wrong codes, because of the 8-digit codes.',
        'Microsoft Authenticator and Authy cannot use the SHA256 algorithm.',
      ],
      compatible: 'Aegis, Ente Auth, and Bitwarden handle every setting. SHA1, 6 digits and 30 seconds work in every app.',
    });
  });

  it('joins lists in the strings’ language', () => {
    const text = compatibilityText({ digits: 6, period: 45, algorithm: 'SHA1' }, de)!;
    expect(text.sentences[0]).to.equal(
      'Google Authenticator, Google Authenticator (older Android versions), Authy und Authenticator (browser extension) würde falsche Codes anzeigen, wegen des Intervalls von 45 Sekunden.',
    );
    expect(text.compatible).to.match(/^Aegis, Ente Auth und Bitwarden unterstützen/);
  });

  it('renders part `warning` as a note, its heading at the level asked, one list item per sentence', async () => {
    const el = mount<HTMLElement>(html`<div>${compatibilityWarning({ digits: 6, period: 45, algorithm: 'SHA256' }, en, 5)}</div>`);
    const warning = el.querySelector('[part=warning]')!;
    expect(warning.getAttribute('role')).to.equal('note');
    expect(warning.querySelector('h5')!.textContent).to.equal(en.compatibilityHeading);
    expect(warning.querySelectorAll('li')).to.have.length(compatibilityText({ digits: 6, period: 45, algorithm: 'SHA256' }, en)!.sentences.length);
    const none = mount<HTMLElement>(html`<div>${compatibilityWarning({ digits: 6, period: 30, algorithm: 'SHA1' }, en, 2)}</div>`);
    expect(none.children).to.have.length(0);
  });
});
