// The totp-error detail: core errors named by the attribute the page wrote, in the strings' language; an insecure
// page in plain words; anything else as the browser said it.
import { expect } from '@open-wc/testing';
import { createEnrollment } from '../../../src/core/index.js';
import { errorDetail, InsecureContextError } from '../../../src/element/internal/error-detail.js';
import { en } from '../../../src/element/strings.js';
import { de } from '../../../src/element/strings-de.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

describe('internal: errorDetail', () => {
  it('names the attribute (account-name, not accountName) with the problem and what is allowed', () => {
    const error = thrownBy(() => createEnrollment({ accountName: 'a:b' }));
    expect(errorDetail(error, en)).to.deep.include({ field: 'account-name' });
    expect(errorDetail(error, en).message).to.match(/^Invalid account-name: "a:b" contains a colon\. Allowed: .+\.$/);
    expect(errorDetail(thrownBy(() => createEnrollment({ accountName: 'a', digits: 7 })), de)).to.deep.equal({
      field: 'digits',
      message: 'Ungültiges digits: got 7. Erlaubt: 6 or 8.',
    });
  });

  it('says an insecure page needs HTTPS, and passes other errors through as the browser said them', () => {
    expect(errorDetail(new InsecureContextError(), en)).to.deep.equal({ field: 'crypto', message: en.insecureContext });
    expect(errorDetail(new DOMException('broken', 'OperationError'), en)).to.deep.equal({ field: 'unknown', message: 'OperationError: broken' });
  });
});
