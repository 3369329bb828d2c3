// The app matrix from the domain notes, checked case by case.
import { expect } from 'chai';
import { compatibilityProblems, hasCustomSettings } from '../../src/core/index.js';

const apps = (settings: Parameters<typeof compatibilityProblems>[0]) => compatibilityProblems(settings).map((p) => `${p.app}/${p.setting}/${p.effect}`);

describe('authenticator app compatibility', () => {
  it('SHA1 / 6 / 30 works everywhere: no problems, no warning', () => {
    expect(compatibilityProblems({ algorithm: 'SHA1', digits: 6, period: 30 })).to.deep.equal([]);
    expect(hasCustomSettings({ algorithm: 'SHA1', digits: 6, period: 30 })).to.equal(false);
  });

  it('SHA256: Microsoft Authenticator and Authy do not support it; old Google Authenticator ignores it', () => {
    expect(apps({ algorithm: 'SHA256', digits: 6, period: 30 })).to.deep.equal([
      'Google Authenticator (older Android versions)/algorithm/wrong-codes',
      'Microsoft Authenticator/algorithm/unsupported',
      'Authy/algorithm/unsupported',
    ]);
  });

  it('8 digits: only old Google Authenticator gets it wrong', () => {
    expect(apps({ algorithm: 'SHA1', digits: 8, period: 30 })).to.deep.equal(['Google Authenticator (older Android versions)/digits/wrong-codes']);
  });

  it('60 s: Google Authenticator and Authy show wrong codes; 2FAS and the browser extension are fine', () => {
    expect(apps({ algorithm: 'SHA1', digits: 6, period: 60 })).to.deep.equal([
      'Google Authenticator/period/wrong-codes',
      'Google Authenticator (older Android versions)/period/wrong-codes',
      'Authy/period/wrong-codes',
    ]);
  });

  it('45 s: 2FAS refuses it, and the browser extension (divisors of 60 only) falls back to 30', () => {
    const list = apps({ algorithm: 'SHA1', digits: 6, period: 45 });
    expect(list).to.include('2FAS/period/refuses');
    expect(list).to.include('Authenticator (browser extension)/period/wrong-codes');
  });

  it('20 s: a divisor of 60, so the browser extension copes, 2FAS refuses', () => {
    const list = apps({ algorithm: 'SHA1', digits: 6, period: 20 });
    expect(list).to.include('2FAS/period/refuses');
    expect(list).not.to.include('Authenticator (browser extension)/period/wrong-codes');
  });
});
