// The built extension's popup in Chromium in each UI language it ships: chrome.i18n picks the catalogue, the page and
// the element speak that language, and nothing sticks out sideways (no horizontal scrollbar), with the longest
// content the popup shows (the compatibility warning). Firefox picks its UI language from installed language packs,
// which Debian's firefox-esr does not have; the element's own languages are checked in both browsers by
// test/element/languages.test.ts.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { launchWithExtension, openPopup, startSite, waitForEnrollment, type ExtensionBrowser, type Site } from './chromium-extension.js';

type Catalogue = Record<string, { message: string }>;
const catalogue = (lang: string): Catalogue => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));

for (const lang of ['en', 'de', 'fr', 'es']) {
  describe(`extension popup in Chromium with UI language ${lang} (--lang=${lang})`, function () {
    let site: Site;
    let chromium: ExtensionBrowser;

    before(async () => {
      site = await startSite();
      chromium = await launchWithExtension(undefined, [`--lang=${lang}`]);
      await chromium.tab.goto(`${site.origin}/login`);
    });

    after(async () => {
      await chromium?.close();
      await site?.close();
    });

    it('speaks the language and has no horizontal scrollbar, warning shown', async () => {
      const messages = catalogue(lang);
      const { popup } = await openPopup(chromium);
      await waitForEnrollment(popup);
      const shown = await popup.evaluate(async () => {
        // Settings that bring up the compatibility warning, typed as a user would.
        const form = document.querySelector<HTMLFormElement>('#settings')!;
        (form.elements.namedItem('period') as HTMLInputElement).value = '45';
        (form.elements.namedItem('algorithm') as HTMLSelectElement).value = 'SHA256';
        form.dispatchEvent(new Event('input', { bubbles: true }));
        const generator = document.querySelector('totp-generator')!;
        await generator.enrollmentComplete;
        const page = document.documentElement;
        const everything = [...document.querySelectorAll('*'), ...generator.shadowRoot!.querySelectorAll('*')];
        return {
          lang: page.lang,
          elementLang: generator.shadowRoot!.querySelector('fieldset')!.lang,
          title: document.title,
          labels: [...document.querySelectorAll('label > span')].map((span) => span.textContent),
          headings: [...generator.shadowRoot!.querySelectorAll('h2')].map((heading) => heading.textContent),
          scrollWidth: page.scrollWidth,
          clientWidth: page.clientWidth,
          // Clipped on purpose: the visually hidden live region.
          sticksOut: everything
            .filter((node) => !node.closest('.sr') && node.getBoundingClientRect().right > page.clientWidth + 0.5)
            .map((node) => node.outerHTML.slice(0, 80)),
        };
      });
      await popup.close();
      expect(shown.lang).to.equal(lang);
      expect(shown.elementLang).to.equal(messages.element_lang!.message);
      expect(shown.title).to.equal(messages.popupTitle!.message);
      expect(shown.labels).to.deep.equal(['fillSubmitLabel', 'pasteLabel', 'issuerLabel', 'accountNameLabel', 'digitsLabel', 'periodLabel', 'algorithmLabel'].map((name) => messages[name]!.message));
      expect(shown.headings).to.deep.equal([messages.element_compatibilityHeading!.message, messages.element_secretHeading!.message, messages.element_codeHeading!.message]);
      expect(shown.sticksOut).to.deep.equal([]);
      expect(shown.scrollWidth, 'horizontal scrollbar').to.be.at.most(shown.clientWidth);
    });
  });
}
