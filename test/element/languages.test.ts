// The element in each of its languages: every string from that language, the `lang` it declares, and no horizontal
// overflow at 320 px wide with the longest content it has (long issuer and account, the compatibility warning, a weak
// secret's note, a check's result), nor when it shows an error instead.
import { expect, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { en, type TotpGeneratorStrings } from '../../src/element/strings.js';
import { de } from '../../src/element/strings-de.js';
import { es } from '../../src/element/strings-es.js';
import { fr } from '../../src/element/strings-fr.js';
import { mount, part } from './helpers.js';

const LANGUAGES: [string, TotpGeneratorStrings][] = [['English', en], ['German', de], ['French', fr], ['Spanish', es]];

/** Everything the element draws stays inside its box, and the box inside the 320 px column. */
function expectNoOverflow(el: TotpGenerator): void {
  expect(el.getBoundingClientRect().width).to.be.at.most(320);
  expect(el.scrollWidth, 'the element scrolls sideways').to.be.at.most(el.clientWidth);
  const right = el.getBoundingClientRect().right + 0.5;
  for (const child of el.shadowRoot!.querySelectorAll('*')) {
    if (child.closest('.sr')) continue; // the visually hidden live region is clipped to 1 px on purpose
    expect(child.getBoundingClientRect().right, child.outerHTML.slice(0, 80)).to.be.at.most(right);
  }
}

describe('<totp-generator> in English, German, French and Spanish', () => {
  for (const [language, strings] of LANGUAGES) {
    it(`${language}: its own strings and lang, and no overflow at 320 px`, async () => {
      const host = mount<HTMLDivElement>(
        html`<div style="width: 320px"><totp-generator .strings=${strings} issuer="A very long issuer name Inc" account-name="someone.with.a.long.address@example.com" period="45" algorithm="SHA256" secret="JBSWY3DPEHPK3PXP"></totp-generator></div>`,
      );
      const el = host.querySelector('totp-generator')!;
      expect(await el.enrollmentComplete).to.equal(true);
      expect(el.shadowRoot!.querySelector('fieldset')!.lang).to.equal(strings.lang);
      const text = el.shadowRoot!.textContent!;
      for (const key of ['scanHint', 'secretHeading', 'codeHeading', 'verifyLabel', 'downloadPng', 'weakSecret', 'compatibilityHeading'] as const) {
        expect(text, key).to.contain(strings[key]);
      }
      expect(part(el, 'warning')!.textContent).to.contain(strings.settingPeriod(45));
      // The longest result message, shown under the field.
      const input = part(el, 'verify') as HTMLInputElement;
      input.value = '00000';
      const checked = new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await checked;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#result')!.textContent).to.equal(strings.verifyFormat(6));
      expectNoOverflow(el);
    });

    it(`${language}: an error message fits 320 px too`, async () => {
      const host = mount<HTMLDivElement>(html`<div style="width: 320px"><totp-generator .strings=${strings} account-name="a" heading-level="seven"></totp-generator></div>`);
      const el = host.querySelector('totp-generator')!;
      expect(await el.enrollmentComplete).to.equal(false);
      expect(part(el, 'error')!.textContent).to.equal(strings.invalidAttribute('heading-level', 'got "seven"', 'a whole number from 1 to 6'));
      expectNoOverflow(el);
    });
  }
});
