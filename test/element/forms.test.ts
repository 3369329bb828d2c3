// The forms contract frameworks bind to (Vue's v-model, Angular's DefaultValueAccessor with ngDefaultControl): `value`
// is the secret once a correct code is typed, `input` and `change` say when it changes, `disabled` is a property;
// and the form cases of built-in fields: form=, <fieldset disabled>, reset, labels, FormData, back/forward state.
// Correct codes come from the `otpauth` package (oracleCode), not from the element.
// A plain root (<form>, <div>) is made with fixtureSync: open-wc's fixture() would wait for an animation frame for it,
// and a headless page that is not in front (two test files run at once) gets none; the element's own promises suffice.
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../src/element/define.js';
import type { TotpGenerator } from '../../src/element/index.js';
import { FakeClock, oracleCode, part } from './helpers.js';

const T = Date.UTC(2026, 2, 3, 4, 5, 6);

/** Types a whole code into the verify field, as a user would; the element checks it by itself. */
async function typeCode(el: TotpGenerator, code: string): Promise<void> {
  const checked = new Promise((resolve) => el.addEventListener('totp-verify', resolve, { once: true }));
  const input = part(el, 'verify') as HTMLInputElement;
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await checked;
  await el.updateComplete;
}

/** What a framework binding sees: `value` read at each `input`/`change` that the host itself dispatched. */
function bind(el: TotpGenerator): { input: string[]; change: string[] } {
  const seen = { input: [] as string[], change: [] as string[] };
  // The inner code field's own `input` events are composed too; a binding reads `value` then, which is unchanged.
  el.addEventListener('input', (event) => { if (event.composedPath()[0] === el) seen.input.push(el.value); });
  el.addEventListener('change', () => seen.change.push(el.value));
  return seen;
}

describe('<totp-generator> forms contract', () => {
  it('value is empty until a correct code is typed, then the secret; input and change fire once each', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const seen = bind(el);
    expect(el.value).to.equal('');
    const wrong = String((Number(oracleCode(el, T)) + 1) % 1e6).padStart(6, '0');
    await typeCode(el, wrong);
    expect(el.value).to.equal('');
    expect(seen).to.deep.equal({ input: [], change: [] });
    await typeCode(el, oracleCode(el, T));
    expect(el.value).to.equal(el.secret).and.to.match(/^[A-Z2-7]{32}$/);
    expect(seen).to.deep.equal({ input: [el.secret], change: [el.secret] });
  });

  it('a new secret empties value again (and says so): the framework never holds a secret that was not verified', async () => {
    const clock = new FakeClock(T);
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${clock} account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    await typeCode(el, oracleCode(el, T));
    const verified = el.value;
    const seen = bind(el);
    el.regenerate();
    await el.enrollmentComplete;
    await el.updateComplete;
    expect(el.secret).to.not.equal(verified);
    expect(el.value).to.equal('');
    expect(seen).to.deep.equal({ input: [''], change: [''] });
  });

  it('ignores writes to value (bindings write back what they read; Vue writes "" at mount)', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator .clock=${new FakeClock(T)} account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const secret = el.secret;
    el.value = 'JBSWY3DPEHPK3PXP';
    el.value = '';
    await el.updateComplete;
    expect(el.secret).to.equal(secret);
    expect(el.hasAttribute('secret')).to.equal(false);
  });

  it('the disabled property (Angular sets it) disables every control and submits nothing; it reflects', async () => {
    const form = fixtureSync<HTMLFormElement>(html`<form><totp-generator name="totp" account-name="ada@example.com"></totp-generator></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect(new FormData(form).get('totp')).to.equal(el.secret);
    el.disabled = true;
    // Reflecting the attribute calls formDisabledCallback, which asks for a second update.
    await el.updateComplete;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(el.matches(':disabled')).to.equal(true);
    expect(new FormData(form).has('totp')).to.equal(false);
    expect([...el.shadowRoot!.querySelectorAll('button, input')].filter((control) => !control.matches(':disabled')).map((control) => control.outerHTML)).to.deep.equal([]);
    el.disabled = false;
    await el.updateComplete;
    expect(new FormData(form).get('totp')).to.equal(el.secret);
  });

  it('belongs to the form its form= attribute names, from outside it', async () => {
    const root = fixtureSync<HTMLDivElement>(html`<div><form id="enable-2fa"></form><totp-generator form="enable-2fa" name="totp" account-name="ada@example.com"></totp-generator></div>`);
    const form = root.querySelector('form')!;
    const el = root.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect(el.form).to.equal(form);
    expect(new FormData(form).get('totp')).to.equal(el.secret);
    expect([...form.elements]).to.include(el);
  });

  it('inside <fieldset disabled>: :disabled, nothing in FormData, and back when the fieldset is enabled', async () => {
    const form = fixtureSync<HTMLFormElement>(html`<form><fieldset disabled><totp-generator name="totp" account-name="ada@example.com"></totp-generator></fieldset></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    expect(el.matches(':disabled')).to.equal(true);
    expect(new FormData(form).has('totp')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.equal(false);
    expect(new FormData(form).get('totp')).to.equal(el.secret);
  });

  it('form reset: a new secret, value empty again, FormData holds the new secret', async () => {
    const clock = new FakeClock(T);
    const form = fixtureSync<HTMLFormElement>(html`<form><totp-generator .clock=${clock} name="totp" account-name="ada@example.com"></totp-generator></form>`);
    const el = form.querySelector('totp-generator')!;
    await el.enrollmentComplete;
    await typeCode(el, oracleCode(el, T));
    const first = el.secret;
    expect(el.value).to.equal(first);
    form.reset();
    await el.enrollmentComplete;
    await el.updateComplete;
    expect(el.secret).to.not.equal(first);
    expect(el.value).to.equal('');
    expect(new FormData(form).get('totp')).to.equal(el.secret);
  });

  it('is labelable: <label for> points at it, and a wrapping label too', async () => {
    const root = fixtureSync<HTMLDivElement>(
      html`<div><label for="t">Two-factor sign-in</label><totp-generator id="t" account-name="ada@example.com"></totp-generator>
        <label id="wrap">Other <totp-generator account-name="bob@example.com"></totp-generator></label></div>`,
    );
    expect(root.querySelector<HTMLLabelElement>('label[for="t"]')!.control).to.equal(root.querySelector('#t'));
    expect(root.querySelector<HTMLLabelElement>('#wrap')!.control).to.equal(root.querySelector('#wrap totp-generator'));
  });

  it('back/forward: a restored state is ignored (a restored secret may never have been scanned); a new one is shown', async () => {
    const el = await fixture<TotpGenerator>(html`<totp-generator name="totp" account-name="ada@example.com"></totp-generator>`);
    await el.enrollmentComplete;
    const secret = el.secret;
    // The element saves no state (setFormValue(value, null)), so browsers have nothing to restore; and should one hand
    // a state back anyway, nothing is taken from it.
    const restore = (el as unknown as { formStateRestoreCallback?: (state: unknown, mode: string) => void }).formStateRestoreCallback;
    restore?.call(el, 'JBSWY3DPEHPK3PXP', 'restore');
    await el.updateComplete;
    expect(el.secret).to.equal(secret);
    expect(el.value).to.equal('');
  });
});
