// Smoke test of the built extension in Firefox: the popup page (opened in a tab by a test-only background script, see
// firefox-extension.ts) shows an enrollment that jsQR and the otpauth package agree with, and keeps settings — not
// the secret — in extension storage across a reload.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { dataUriBytes, readQrFromPng } from '../support/qr-reader.js';
import { waitForEnrollment } from './chromium-extension.js';
import { launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { readShown } from './popup-view.js';

describe('extension popup in Firefox (built dist/extension, smoke test)', function () {
  let firefox: FirefoxWithPopup;

  before(async () => {
    firefox = await launchFirefoxWithPopupTab();
    await waitForEnrollment(firefox.popup);
  });

  after(async () => {
    await firefox?.close();
  });

  it('shows a QR code jsQR reads as the URI and the code otpauth computes, with no issuer over an extension page', async () => {
    const shown = await readShown(firefox.popup);
    expect(readQrFromPng(dataUriBytes(shown.qrPng))).to.equal(shown.uri);
    expect(new URL(shown.uri).searchParams.get('secret')).to.equal(shown.secret);
    const totp = OTPAuth.URI.parse(shown.uri) as OTPAuth.TOTP;
    expect([totp.generate({ timestamp: shown.readAt }), totp.generate({ timestamp: shown.readAt - 30_000 })]).to.include(shown.code);
    // The page is its own active tab here (moz-extension:), which is no site.
    expect(shown.issuer).to.equal('');
  });

  it('remembers an edited setting across a reload, and stores no secret', async () => {
    const { popup } = firefox;
    const before = await readShown(popup);
    await popup.$eval('input[name="accountName"]', (input) => {
      (input as HTMLInputElement).value = 'firefox@example.org';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.select('select[name="digits"]', '8');
    await waitForEnrollment(popup);
    const edited = await readShown(popup);
    expect(JSON.parse(edited.storage)).to.deep.equal({ settings: { accountName: 'firefox@example.org', digits: 8, period: 30, algorithm: 'SHA1', fillSubmit: false } });

    // The page reloads itself: puppeteer's own reload waits for a navigation event Firefox does not report here.
    const oldDocument = await popup.evaluate(() => {
      setTimeout(() => location.reload(), 0);
      return performance.timeOrigin;
    });
    await popup.waitForFunction((old) => performance.timeOrigin !== old && document.querySelector('totp-generator')?.secret, { timeout: 20_000 }, oldDocument);
    await waitForEnrollment(popup);
    const reloaded = await readShown(popup);
    expect((OTPAuth.URI.parse(reloaded.uri) as OTPAuth.TOTP).label).to.equal('firefox@example.org');
    expect(reloaded.code).to.match(/^\d{8}$/);
    expect(reloaded.secret).not.to.equal(edited.secret);
    for (const secret of [before.secret, edited.secret, reloaded.secret]) expect(reloaded.storage).not.to.include(secret);
  });
});
