// The recovery-codes controller on a minimal Lit host: the attribute's values, codes made once per secret and count
// (the box unticked with new ones), what the form submits, the totp-enroll extra, the validity problem, and the
// .txt file through a real DownloadController. The printout is checked through the element (recovery-codes.test.ts).
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createEnrollment, TotpParameterError, type Enrollment } from '../../../src/core/index.js';
import { DownloadController } from '../../../src/element/internal/download-controller.js';
import { parseRecoveryCodeCount, printRecoveryCodes, RecoveryCodesController, recoveryFieldName } from '../../../src/element/internal/recovery-codes-controller.js';
import { de } from '../../../src/element/strings-de.js';
import { en } from '../../../src/element/strings.js';
import { mountHost } from './support.js';

const FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const SECRET_A = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SECRET_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

class RecoveryHost extends LitElement {
  readonly failures: unknown[] = [];
  readonly download = new DownloadController(this, { failFor: (_enrollment: Enrollment, error: unknown) => void this.failures.push(error) });
  readonly recovery = new RecoveryCodesController(this, this.download);
}
customElements.define('test-recovery-host', RecoveryHost);

describe('internal: RecoveryCodesController', () => {
  it('reads the attribute: absent is off, 1 to 20 in decimal digits, anything else a TotpParameterError naming recoveryCodes', () => {
    expect([undefined, null].map(parseRecoveryCodeCount)).to.deep.equal([0, 0]);
    expect(['1', '10', '20', 1, 20].map(parseRecoveryCodeCount)).to.deep.equal([1, 10, 20, 1, 20]);
    for (const value of ['', '0', '21', ' 5', '5.0', 'ten', '1e1', 0, 21, 2.5, true]) {
      let thrown: unknown;
      try {
        parseRecoveryCodeCount(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(value)).to.be.instanceOf(TotpParameterError);
      const error = thrown as TotpParameterError;
      expect([error.field, error.value, error.allowed]).to.deep.equal(['recoveryCodes', value, 'a whole number from 1 to 20']);
    }
  });

  it('makes count distinct codes once per secret and count; new ones untick the box; none while off', async () => {
    const el = await mountHost<RecoveryHost>('test-recovery-host');
    const recovery = el.recovery;
    expect(recovery.codesFor(SECRET_A)).to.deep.equal([]);
    recovery.count = 5;
    const first = recovery.codesFor(SECRET_A);
    expect(first).to.have.length(5);
    expect(new Set(first).size).to.equal(5);
    for (const code of first) expect(code).to.match(FORMAT);
    expect(recovery.codesFor(SECRET_A)).to.equal(first);
    recovery.saved = true;
    const second = recovery.codesFor(SECRET_B);
    expect(second.filter((code) => first.includes(code))).to.deep.equal([]);
    expect(recovery.saved).to.equal(false);
    recovery.saved = true;
    recovery.count = 7;
    expect(recovery.codesFor(SECRET_B)).to.have.length(7);
    expect(recovery.saved).to.equal(false);
    recovery.saved = true;
    recovery.reset();
    expect(recovery.saved).to.equal(false);
  });

  it('submits the secret alone until the codes were shown and saved, then one name-recovery entry per code', async () => {
    const { recovery } = await mountHost<RecoveryHost>('test-recovery-host');
    expect(recovery.formValue('totp', '', true)).to.equal(undefined);
    expect(recovery.formValue('totp', SECRET_A, true), 'off').to.equal(SECRET_A);
    recovery.count = 3;
    const codes = recovery.codesFor(SECRET_A);
    expect(recovery.formValue('totp', SECRET_A, true), 'not saved').to.equal(SECRET_A);
    recovery.saved = true;
    expect(recovery.formValue('totp', SECRET_A, false), 'not verified').to.equal(SECRET_A);
    expect(recovery.formValue('', SECRET_A, true), 'no name').to.equal(SECRET_A);
    const value = recovery.formValue('totp', SECRET_A, true) as FormData;
    expect([...value]).to.deep.equal([['totp', SECRET_A], ...codes.map((code) => ['totp-recovery', code])]);
    expect(recoveryFieldName('mfa')).to.equal('mfa-recovery');
  });

  it('adds recovery_codes to totp-enroll only when on; asks for the box only when on and unticked', async () => {
    const { recovery } = await mountHost<RecoveryHost>('test-recovery-host');
    expect(recovery.enrollDetail(SECRET_A)).to.deep.equal({});
    expect(recovery.problem(en)).to.equal(undefined);
    recovery.count = 2;
    expect(recovery.enrollDetail(SECRET_A)).to.deep.equal({ recovery_codes: [...recovery.codesFor(SECRET_A)] });
    expect(recovery.problem(de)!.message).to.equal(de.recoveryCodesRequired);
    recovery.saved = true;
    expect(recovery.problem(en)).to.equal(undefined);
  });

  it('downloads the codes as Issuer-account-recovery-codes.txt: title and note in the strings’ language, one code a line', async () => {
    const el = await mountHost<RecoveryHost>('test-recovery-host');
    const enrollment = createEnrollment({ issuer: 'Acme', accountName: 'ada@example.com' });
    el.recovery.count = 4;
    const created: Blob[] = [];
    const names: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), `blob:test/${created.length}`);
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      el.recovery.download(enrollment, de);
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names).to.deep.equal(['Acme-ada@example.com-recovery-codes.txt']);
    expect(await created[0]!.text()).to.equal(
      `Wiederherstellungscodes für Acme (ada@example.com)\n\n${de.recoveryCodesNote}\n\n${el.recovery.codesFor(enrollment.secret.base32).join('\n')}\n`,
    );
  });

  it('printing reports a blocked window as false, and the controller shows it until new codes come', async () => {
    const el = await mountHost<RecoveryHost>('test-recovery-host');
    const enrollment = createEnrollment({ accountName: 'ada' });
    el.recovery.count = 1;
    const open = window.open;
    window.open = () => null;
    try {
      expect(printRecoveryCodes('en', 'title', 'note', ['AAAA-BBBB-CCCC'])).to.equal(false);
      el.recovery.print(enrollment, en);
    } finally {
      window.open = open;
    }
    expect(el.recovery.printBlocked).to.equal(true);
    el.recovery.codesFor(SECRET_B);
    expect(el.recovery.printBlocked).to.equal(false);
  });
});
