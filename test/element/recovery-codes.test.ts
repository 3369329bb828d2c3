// `recovery-codes="N"`: the codes appear only after a code from the `otpauth` package (not the element) is verified;
// they are N distinct codes in the documented format (alphabet without look-alikes, XXXX-XXXX-XXXX); the form submits
// them with the secret only once the "I have saved these codes" box is ticked; Copy, Download and Print carry exactly
// the codes on screen; the section works from the keyboard, is axe-clean in every language and fits 320 px; a bad
// value is an attribute error; and without the attribute nothing of this exists.
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { en, type TotpGeneratorStrings } from '../../src/element/strings.js';
import { de } from '../../src/element/strings-de.js';
import { es } from '../../src/element/strings-es.js';
import { fr } from '../../src/element/strings-fr.js';
import { FakeClock, mount, oracleCode, part, record } from './helpers.js';

const T = Date.UTC(2026, 4, 5, 6, 7, 8);
/** The documented format: 12 characters of 23456789 and A–Z without I and O, in three groups of four. */
const CODE_FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const axe = (window as unknown as { axe: typeof Axe }).axe;

/** The codes on screen, as the user reads them. */
function shownCodes(el: TotpGenerator): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="recovery-codes"] li')].map((item) => item.textContent!.trim());
}

function checkbox(el: TotpGenerator): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>('[part="recovery-codes"] input[type="checkbox"]')!;
}

function button(el: TotpGenerator, name: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name || b.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** Types the code `otpauth` computes for the element's secret; the element checks a whole code by itself. */
async function verify(el: TotpGenerator, clock: FakeClock): Promise<void> {
  const checked = new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
  const input = part(el, 'verify') as HTMLInputElement;
  input.value = oracleCode(el, clock.now());
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await checked;
  await el.updateComplete;
}

async function inForm(attributes = 'recovery-codes="8" require-verification'): Promise<{ form: HTMLFormElement; el: TotpGenerator; clock: FakeClock }> {
  const clock = new FakeClock(T);
  const form = document.createElement('form');
  form.innerHTML = `<totp-generator name="totp" issuer="Acme" account-name="ada@example.com" ${attributes}></totp-generator>`;
  mount<HTMLDivElement>(html`<div></div>`).append(form);
  const el = form.querySelector('totp-generator')!;
  el.clock = clock;
  expect(await el.enrollmentComplete).to.equal(true);
  return { form, el, clock };
}

describe('<totp-generator recovery-codes>', () => {
  it('shows N distinct codes in the documented format only after a verified code, with totp-enroll carrying the same codes', async () => {
    const enrolled: CustomEvent[] = [];
    const listener = (event: Event) => enrolled.push(event as CustomEvent);
    document.addEventListener('totp-enroll', listener);
    try {
      const { el, clock } = await inForm('recovery-codes="8"');
      expect(part(el, 'recovery-codes')).to.equal(null);
      const input = part(el, 'verify') as HTMLInputElement;
      input.value = oracleCode(el, clock.now()) === '000000' ? '111111' : '000000';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
      await el.updateComplete;
      expect(part(el, 'recovery-codes'), 'a wrong code shows nothing').to.equal(null);
      await verify(el, clock);
      const codes = shownCodes(el);
      expect(codes).to.have.length(8);
      expect(new Set(codes).size).to.equal(8);
      for (const code of codes) expect(code).to.match(CODE_FORMAT);
      expect(el.shadowRoot!.querySelector('#result')!.textContent).to.equal(`${en.verifyValid} ${en.recoveryCodesNext}`);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="recovery-codes"] code')!).fontFamily).to.match(/monospace/);
      const heading = part(el, 'recovery-codes')!.querySelector('h2')!;
      expect(heading.textContent).to.equal(en.recoveryCodesHeading);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(enrolled.at(-1)!.detail.recovery_codes).to.deep.equal(codes);
    } finally {
      document.removeEventListener('totp-enroll', listener);
    }
  });

  it('with require-verification: valid and submitting the codes only once a code is verified and the box ticked', async () => {
    const { form, el, clock } = await inForm();
    let submitted = 0;
    form.addEventListener('submit', (event) => (event.preventDefault(), submitted++));
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal(en.verificationAndRecoveryRequired);
    expect([...new FormData(form)]).to.deep.equal([['totp', el.secret]]);

    await verify(el, clock);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal(en.recoveryCodesRequired);
    expect(new FormData(form).has('totp-recovery')).to.equal(false);
    form.requestSubmit();
    expect(submitted).to.equal(0);

    checkbox(el).click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    expect(data.getAll('totp')).to.deep.equal([el.secret]);
    expect(data.getAll('totp-recovery')).to.deep.equal(shownCodes(el));
    form.requestSubmit();
    expect(submitted).to.equal(1);

    // Unticked again: not valid, and the codes are no longer submitted.
    checkbox(el).click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(new FormData(form).has('totp-recovery')).to.equal(false);
  });

  it('a new secret brings new codes and unticks the box; form reset unticks it too', async () => {
    const { form, el, clock } = await inForm();
    await verify(el, clock);
    const first = shownCodes(el);
    checkbox(el).click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);

    el.regenerate();
    await el.enrollmentComplete;
    expect(part(el, 'recovery-codes'), 'hidden until the new secret is verified').to.equal(null);
    expect(new FormData(form).has('totp-recovery')).to.equal(false);
    await verify(el, clock);
    const second = shownCodes(el);
    expect(second).to.have.length(8);
    expect(second.filter((code) => first.includes(code))).to.deep.equal([]);
    expect(checkbox(el).checked).to.equal(false);
    expect(form.checkValidity()).to.equal(false);

    checkbox(el).click();
    await el.updateComplete;
    form.reset();
    await el.enrollmentComplete;
    await verify(el, clock);
    expect(checkbox(el).checked).to.equal(false);
    expect(shownCodes(el).filter((code) => second.includes(code))).to.deep.equal([]);
  });

  it('Copy puts exactly the codes shown on the clipboard, one a line, and fires totp-copy "recovery-codes"', async () => {
    const { el, clock } = await inForm();
    await verify(el, clock);
    const copies = record(el, 'totp-copy');
    const written: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Clipboard.prototype, 'writeText')!;
    Object.defineProperty(Clipboard.prototype, 'writeText', { configurable: true, value: async (text: string) => void written.push(text) });
    try {
      button(el, en.copyRecoveryCodes).click();
      await new Promise((resolve) => el.addEventListener('totp-copy', resolve, { once: true }));
    } finally {
      Object.defineProperty(Clipboard.prototype, 'writeText', original);
    }
    expect(written).to.deep.equal([shownCodes(el).join('\n')]);
    expect(copies.map((event) => event.detail)).to.deep.equal([{ what: 'recovery-codes' }]);
    await el.updateComplete;
    expect(button(el, en.copyRecoveryCodes).textContent).to.equal(en.copied);
  });

  it('Download saves a .txt with the title, the note and exactly the codes shown', async () => {
    const { el, clock } = await inForm();
    await verify(el, clock);
    const created: Blob[] = [];
    const names: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), 'blob:test/1');
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      button(el, en.downloadRecoveryCodes).click();
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal(['Acme-ada@example.com-recovery-codes.txt']);
    expect(created[0]!.type).to.equal('text/plain;charset=utf-8');
    const lines = (await created[0]!.text()).split('\n');
    expect(lines.slice(0, 4)).to.deep.equal(['Recovery codes for Acme (ada@example.com)', '', en.recoveryCodesNote, '']);
    expect(lines.slice(4)).to.deep.equal([...shownCodes(el), '']);
  });

  it('from the keyboard: Tab reaches Copy, Download, Print and the box; Space ticks it; Enter on Print prints exactly the codes in a window of its own', async () => {
    const { form, el, clock } = await inForm();
    await verify(el, clock);
    const order: string[] = [];
    button(el, en.verifyButton).focus();
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = el.shadowRoot!.activeElement!;
      order.push(focused.getAttribute('aria-label') ?? (focused.textContent!.trim() || `${focused.localName}[${(focused as HTMLInputElement).type}]`));
    }
    expect(order).to.deep.equal([en.copyRecoveryCodes, en.downloadRecoveryCodes, en.printRecoveryCodes, 'input[checkbox]']);
    expect(checkbox(el).labels![0]!.textContent!.trim()).to.equal(en.recoveryCodesSaved);
    // The box's own change event: under load, Firefox delivers the key's effect after sendKeys has returned.
    const ticked = new Promise((resolve) => checkbox(el).addEventListener('change', resolve, { once: true }));
    await sendKeys({ type: ' ' }); // the space bar (Firefox's BiDi driver knows no key named "Space")
    await ticked;
    await el.updateComplete;
    expect(checkbox(el).checked).to.equal(true);
    expect(form.checkValidity()).to.equal(true);

    // The real window the element opens, with only its print() replaced: what it holds when printing is what was printed.
    const printed: { lang: string; title: string; heading: string; note: string; codes: string[]; font: string }[] = [];
    let opened: Window | null = null;
    const open = window.open;
    window.open = (...args: Parameters<typeof window.open>) => {
      opened = open.apply(window, args);
      if (opened) {
        const page = opened.document;
        opened.print = () =>
          void printed.push({
            lang: page.documentElement.lang,
            title: page.title,
            heading: page.querySelector('h1')!.textContent!,
            note: page.querySelector('p')!.textContent!,
            codes: [...page.querySelectorAll('li')].map((item) => item.textContent!),
            font: getComputedStyle(page.querySelector('li code')!).fontFamily,
          });
      }
      return opened;
    };
    try {
      button(el, en.printRecoveryCodes).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    } finally {
      window.open = open;
    }
    expect(opened, 'the browser blocked the window').to.not.equal(null);
    const title = 'Recovery codes for Acme (ada@example.com)';
    expect(printed).to.deep.equal([{ lang: 'en', title, heading: title, note: en.recoveryCodesNote, codes: shownCodes(el), font: printed[0]?.font }]);
    expect(printed[0]!.font).to.match(/monospace/);
    expect(opened!.closed).to.equal(true);
    expect(el.shadowRoot!.textContent).to.not.contain(en.printBlocked);
  });

  it('says so when the browser blocks the print window', async () => {
    const { el, clock } = await inForm();
    await verify(el, clock);
    const open = window.open;
    window.open = () => null;
    try {
      button(el, en.printRecoveryCodes).click();
      await el.updateComplete;
    } finally {
      window.open = open;
    }
    expect(part(el, 'recovery-codes')!.querySelector('[role="status"]')!.textContent).to.equal(en.printBlocked);
  });

  for (const value of ['0', '21', 'ten', '', '8.0']) {
    it(`recovery-codes="${value}" → inline error and totp-error naming recovery-codes and the range`, async () => {
      const el = mount<TotpGenerator>(html`<totp-generator account-name="a"></totp-generator>`);
      await el.enrollmentComplete;
      const errors = record(el, 'totp-error');
      el.setAttribute('recovery-codes', value);
      expect(await el.enrollmentComplete).to.equal(false);
      const message = part(el, 'error')!.textContent;
      expect(message).to.equal(`Invalid recovery-codes: got "${value}". Allowed: a whole number from 1 to 20.`);
      expect(errors.map((event) => event.detail)).to.deep.equal([{ field: 'recovery-codes', message }]);
      el.setAttribute('recovery-codes', '3');
      expect(await el.enrollmentComplete).to.equal(true);
    });
  }

  it('follows the recoveryCodes property (another count: same secret, new codes, a new totp-enroll); without it no codes, no extra entries, no recovery_codes', async () => {
    expect(document.createElement('totp-generator').recoveryCodes).to.equal(null);
    const enrolled: CustomEvent[] = [];
    const listener = (event: Event) => enrolled.push(event as CustomEvent);
    document.addEventListener('totp-enroll', listener);
    try {
      const { form, el, clock } = await inForm('require-verification');
      await verify(el, clock);
      expect(part(el, 'recovery-codes')).to.equal(null);
      expect(form.checkValidity()).to.equal(true);
      expect([...new FormData(form)]).to.deep.equal([['totp', el.secret]]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(enrolled.at(-1)!.detail).to.not.have.property('recovery_codes');
      const secret = el.secret;
      const before = enrolled.length;
      el.recoveryCodes = 3;
      await el.enrollmentComplete;
      await verify(el, clock);
      expect(shownCodes(el)).to.have.length(3);
      expect(enrolled.slice(before).map((event) => [event.detail.secret, event.detail.recovery_codes])).to.deep.equal([[secret, shownCodes(el)]]);
      el.setAttribute('recovery-codes', '4');
      await el.enrollmentComplete;
      expect(part(el, 'recovery-codes'), 'a new enrollment: verified again first').to.equal(null);
      await verify(el, clock);
      expect(el.secret).to.equal(secret);
      expect(enrolled.at(-1)!.detail.recovery_codes).to.deep.equal(shownCodes(el)).and.to.have.length(4);
    } finally {
      document.removeEventListener('totp-enroll', listener);
    }
  });

  const LANGUAGES: [string, TotpGeneratorStrings][] = [['English', en], ['German', de], ['French', fr], ['Spanish', es]];
  for (const [language, strings] of LANGUAGES) {
    it(`${language}: the codes shown are axe-clean, in that language, and fit 320 px`, async () => {
      const clock = new FakeClock(T);
      const host = mount<HTMLElement>(
        html`<main style="width: 320px"><h1>Account</h1><totp-generator .clock=${clock} .strings=${strings} issuer="A very long issuer name Inc" account-name="someone.with.a.long.address@example.com" recovery-codes="20" require-verification></totp-generator></main>`,
      );
      const el = host.querySelector('totp-generator')!;
      expect(await el.enrollmentComplete).to.equal(true);
      await verify(el, clock);
      expect(shownCodes(el)).to.have.length(20);
      const section = part(el, 'recovery-codes')!;
      for (const key of ['recoveryCodesHeading', 'recoveryCodesNote', 'downloadRecoveryCodes', 'printRecoveryCodes', 'recoveryCodesSaved'] as const) {
        expect(section.textContent, key).to.contain(strings[key]);
      }
      expect(el.validationMessage).to.equal(strings.recoveryCodesRequired);
      const results = await axe.run(host);
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).to.deep.equal([]);
      expect(el.scrollWidth, 'the element scrolls sideways').to.be.at.most(el.clientWidth);
      const right = el.getBoundingClientRect().right + 0.5;
      for (const child of section.querySelectorAll('*')) expect(child.getBoundingClientRect().right, child.outerHTML.slice(0, 80)).to.be.at.most(right);
    });
  }
});
