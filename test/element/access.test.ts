// Keyboard and colour scheme: every control is reached with Tab in order and works from the keyboard; dark mode
// changes the colours and stays axe-clean.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, mount, oracleCode, record } from './helpers.js';

const T = Date.UTC(2026, 3, 4, 5, 6, 7);

/** The focused element, looking inside the generator's shadow root. */
function focused(el: TotpGenerator): Element | null {
  return el.shadowRoot!.activeElement;
}

function describeControl(control: Element | null): string {
  if (!control) return 'nothing';
  return `${control.localName}:${control.getAttribute('aria-label') ?? control.textContent!.trim()}`;
}

describe('<totp-generator> keyboard and colour scheme', () => {
  it('reaches every control with Tab, in reading order', async () => {
    const host = mount<HTMLDivElement>(html`<div><button id="before">before</button><totp-generator account-name="a"></totp-generator></div>`);
    const generator = host.querySelector('totp-generator')!;
    await generator.enrollmentComplete;
    host.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: string[] = [];
    // Nine presses: a tenth would leave the page for the browser's own UI, which headless Chromium handles badly.
    for (let i = 0; i < 9; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(describeControl(focused(generator)));
    }
    expect(order).to.deep.equal([
      'button:Copy key',
      'summary:Setup link (otpauth://)',
      'button:Copy code',
      'button:Read code',
      'input:',
      'button:Check',
      'button:Download PNG',
      'button:Download SVG',
      'button:New secret',
    ]);
  });

  it('verifies a code typed on the keyboard and confirmed with Enter', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    const verified = record(el, 'totp-verify');
    el.shadowRoot!.querySelector('input')!.focus();
    const code = oracleCode(el, T);
    const next = () => new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
    let checked = next();
    await sendKeys({ type: `${code.slice(0, 3)} ${code.slice(3, 5)}` });
    await sendKeys({ press: 'Enter' });
    await checked;
    expect(verified.at(-1)!.detail.valid).to.equal(false);
    checked = next();
    await sendKeys({ type: code.slice(5) });
    await checked;
    expect(verified.at(-1)!.detail).to.deep.equal({ valid: true, offset: 0 });
  });

  it('turns dark with a dark colour scheme, and is axe-clean there', async () => {
    // A page forcing `color-scheme: dark` on the element works in every browser; the media query is checked below.
    const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a" period="45"></totp-generator>`);
    await el.enrollmentComplete;
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    el.style.colorScheme = 'dark';
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(27, 27, 31)');
    expect(getComputedStyle(el).color).to.equal('rgb(228, 228, 234)');
    await expect(el).to.be.accessible();
  });

  it('follows prefers-color-scheme (where the runner can emulate it)', async function () {
    const el = await fixture<TotpGenerator>(html`<totp-generator account-name="a"></totp-generator>`);
    await el.enrollmentComplete;
    // Firefox runs through WebDriver BiDi, where the runner has no media emulation (it needs CDP); there the media
    // query is tested by starting Firefox with a dark colour scheme: test/pages/dark-scheme.firefox.node.test.ts.
    if (navigator.userAgent.includes('Firefox')) this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(27, 27, 31)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
  });
});
