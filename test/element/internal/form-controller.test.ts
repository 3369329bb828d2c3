// The form controller on a minimal form-associated Lit host inside real <form>s: the submitted value, validity and
// its message, and the disabled state a <fieldset> gives.
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { FormController, type ValidityProblem } from '../../../src/element/internal/form-controller.js';
import { mount } from '../helpers.js';

class FormHost extends LitElement {
  static formAssociated = true;
  problem: ValidityProblem | undefined;
  readonly form = new FormController(this, () => this.problem);

  formDisabledCallback(disabled: boolean): void {
    this.form.disabled = disabled;
  }

  override render() {
    return html`<input />`;
  }
}
customElements.define('test-form-host', FormHost);

/** A host whose value the controller reads after each update, as the element does. */
class ValueHost extends LitElement {
  static formAssociated = true;
  value: string | FormData | undefined;
  readonly form = new FormController(this, () => undefined, () => this.value);
}
customElements.define('test-form-value-host', ValueHost);

function setup(): { form: HTMLFormElement; host: FormHost } {
  const form = mount<HTMLFormElement>(html`<form><fieldset><test-form-host name="totp"></test-form-host></fieldset></form>`);
  return { form, host: form.querySelector<FormHost>('test-form-host')! };
}

describe('internal: FormController', () => {
  it('submits the value under the host’s name, and nothing without one', async () => {
    const { form, host } = setup();
    await host.updateComplete;
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    host.form.setValue('JBSWY3DPEHPK3PXP');
    expect(new FormData(form).get('totp')).to.equal('JBSWY3DPEHPK3PXP');
    host.form.setValue(undefined);
    expect(new FormData(form).has('totp')).to.equal(false);
  });

  it('reports the host’s problem after each update, and validity once it is gone', async () => {
    const { form, host } = setup();
    await host.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    host.problem = { message: 'Type the code first.', anchor: host.shadowRoot!.querySelector('input')! };
    host.requestUpdate();
    await host.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(host.form.internals.validity.customError).to.equal(true);
    expect(host.form.internals.validationMessage).to.equal('Type the code first.');
    host.problem = undefined;
    host.requestUpdate();
    await host.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('reports a problem whose anchor has left the shadow tree, without the anchor (setValidity would throw)', async () => {
    const { form, host } = setup();
    await host.updateComplete;
    const gone = host.shadowRoot!.querySelector('input')!;
    gone.remove();
    host.problem = { message: 'Tick the box first.', anchor: gone };
    host.requestUpdate();
    await host.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(host.form.internals.validationMessage).to.equal('Tick the box first.');
  });

  it('is disabled with a disabled fieldset around the host, and the host updates', async () => {
    const { form, host } = setup();
    await host.updateComplete;
    host.form.setValue('JBSWY3DPEHPK3PXP');
    form.querySelector('fieldset')!.disabled = true;
    expect(host.form.disabled).to.equal(true);
    expect(host.isUpdatePending).to.equal(true);
    expect(new FormData(form).has('totp')).to.equal(false);
    form.querySelector('fieldset')!.disabled = false;
    expect(host.form.disabled).to.equal(false);
    expect(new FormData(form).get('totp')).to.equal('JBSWY3DPEHPK3PXP');
  });

  it('reads the value after each update; a FormData submits its own entries, several from one host', async () => {
    const form = mount<HTMLFormElement>(html`<form><test-form-value-host name="totp"></test-form-value-host></form>`);
    const host = form.querySelector<ValueHost>('test-form-value-host')!;
    host.value = 'JBSWY3DPEHPK3PXP';
    host.requestUpdate();
    await host.updateComplete;
    expect([...new FormData(form)]).to.deep.equal([['totp', 'JBSWY3DPEHPK3PXP']]);
    const entries = new FormData();
    entries.append('totp', 'JBSWY3DPEHPK3PXP');
    entries.append('totp-recovery', 'AAAA-BBBB-CCCC');
    entries.append('totp-recovery', 'DDDD-EEEE-FFFF');
    host.value = entries;
    host.requestUpdate();
    await host.updateComplete;
    expect([...new FormData(form)]).to.deep.equal([...entries]);
    host.value = undefined;
    host.requestUpdate();
    await host.updateComplete;
    expect([...new FormData(form)]).to.deep.equal([]);
  });
});
