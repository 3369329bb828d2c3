// The element in the host page's heading outline: with `heading-level` its section titles continue the page's
// outline, and axe finds 0 violations under a page <h1>, inside an <h2> section and inside an <h3> section, light
// and dark, English and German. A bad `heading-level` is reported like any other bad attribute.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { de } from '../../src/element/strings-de.js';
import { mount, part, record } from './helpers.js';

/** axe-core's browser build registers itself on window (as @open-wc/testing's `accessible()` uses it). */
const axe = (window as unknown as { axe: typeof Axe }).axe;

/** Every axe violation inside `context` (the page's headings and the element), as `rule: targets`. */
async function violations(context: Element, options: Axe.RunOptions = {}): Promise<string[]> {
  const results = await axe.run(context, options);
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Period 45 so that the compatibility warning, with its own heading, is shown too. */
const generator = (strings: object, level?: string) =>
  level === undefined
    ? html`<totp-generator account-name="ada@example.com" period="45" .strings=${strings}></totp-generator>`
    : html`<totp-generator account-name="ada@example.com" period="45" heading-level=${level} .strings=${strings}></totp-generator>`;

const OUTLINES: { name: string; level: number; page: (strings: object) => TemplateResult }[] = [
  { name: 'under the page’s <h1> (default level)', level: 2, page: (strings) => html`<main><h1>Account</h1>${generator(strings)}</main>` },
  {
    name: 'inside an <h2> section (heading-level="3")',
    level: 3,
    page: (strings) => html`<main><h1>Settings</h1><section><h2>Two-factor sign-in</h2>${generator(strings, '3')}</section></main>`,
  },
  {
    name: 'inside an <h3> section (heading-level="4")',
    level: 4,
    page: (strings) =>
      html`<main><h1>Settings</h1><section><h2>Security</h2><section><h3>Two-factor sign-in</h3>${generator(strings, '4')}</section></section></main>`,
  },
];

async function show(page: TemplateResult): Promise<{ host: HTMLElement; el: TotpGenerator }> {
  const host = mount<HTMLElement>(page);
  const el = host.querySelector('totp-generator')!;
  expect(await el.enrollmentComplete).to.equal(true);
  return { host, el };
}

describe('<totp-generator> in the page’s heading outline', () => {
  for (const outline of OUTLINES) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [language, strings] of [['English', {}], ['German', de]] as const) {
        it(`${outline.name}, ${scheme}, ${language}: headings at level ${outline.level}, 0 axe violations`, async () => {
          const { host, el } = await show(outline.page(strings));
          // Forced on the element, as the colour-scheme test does: works in every browser, emulation or not.
          if (scheme === 'dark') el.style.colorScheme = 'dark';
          expect(getComputedStyle(el).backgroundColor).to.equal(scheme === 'dark' ? 'rgb(27, 27, 31)' : 'rgb(255, 255, 255)');
          const headings = [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')];
          expect(headings.map((h) => h.localName)).to.deep.equal([`h${outline.level}`, `h${outline.level}`, `h${outline.level}`]);
          expect(await violations(host)).to.deep.equal([]);
        });
      }
    }
  }

  it('axe does find the outline broken when the level skips one (the old fixed <h3> under an <h1>)', async () => {
    const { host } = await show(html`<main><h1>Account</h1>${generator({}, '3')}</main>`);
    const found = await violations(host, { runOnly: ['heading-order'] });
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^heading-order: /);
  });

  it('follows the heading-level property and the attribute’s removal; the default is 2', async () => {
    expect(document.createElement('totp-generator').headingLevel).to.equal(2);
    const { el } = await show(html`<main><h1>Account</h1>${generator({}, '5')}</main>`);
    expect(el.shadowRoot!.querySelectorAll('h5')).to.have.length(3);
    el.headingLevel = 1;
    await el.enrollmentComplete;
    expect(el.shadowRoot!.querySelectorAll('h1')).to.have.length(3);
    el.removeAttribute('heading-level');
    await el.enrollmentComplete;
    expect(el.shadowRoot!.querySelectorAll('h2')).to.have.length(3);
  });

  for (const value of ['0', '7', '2.5', 'h2']) {
    it(`heading-level="${value}" → inline error and totp-error naming heading-level and the range; the secret survives`, async () => {
      const { el } = await show(html`<main><h1>Account</h1>${generator({})}</main>`);
      const secret = el.secret;
      const errors = record(el, 'totp-error');
      el.setAttribute('heading-level', value);
      expect(await el.enrollmentComplete).to.equal(false);
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal(`Invalid heading-level: got "${value}". Allowed: a whole number from 1 to 6.`);
      expect(errors.map((event) => event.detail)).to.deep.equal([{ field: 'heading-level', message: error.textContent }]);
      expect(part(el, 'qr')).to.equal(null);
      expect(el.checkValidity()).to.equal(false);
      el.setAttribute('heading-level', '3');
      expect(await el.enrollmentComplete).to.equal(true);
      expect(el.secret).to.equal(secret);
    });
  }
});
