// The one way the tests check a refusal: a TotpParameterError naming `field` (sync or async code alike).
import { expect } from 'chai';
import { TotpParameterError } from '../../src/core/index.js';

export async function expectParameterError(run: () => unknown, field: string): Promise<TotpParameterError> {
  try {
    await run();
  } catch (error) {
    expect(error).to.be.instanceOf(TotpParameterError);
    expect((error as TotpParameterError).field).to.equal(field);
    return error as TotpParameterError;
  }
  throw new Error(`no error for ${field}`);
}
