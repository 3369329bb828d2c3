// The popup's saved test accounts in the built Firefox extension, as far as automation reaches: the popup page in a
// tab (firefox-extension.ts; puppeteer cannot click Firefox's toolbar button), so its active tab is itself, which is
// no site. Set up, save the generated enrollment, lock, a wrong and the right passphrase, all with Firefox's own
// WebCrypto and storage; codes checked by oathtool, storage read raw.
//
// Not automated in Firefox: the toolbar click (so no site to save for, and no Fill into a page from this popup; the
// Chromium test covers both), and the popup panel itself (the page is shown in a tab).
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { waitForEnrollment } from './chromium-extension.js';
import { launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { message, oathtoolCodes } from './read-popup.js';
import { outcome, savedShows, secretForms, submitSave, submitSetup, submitUnlock } from './saved-popup.js';

const PASSPHRASE = 'firefox test passphrase';

/** The page reloads itself (puppeteer's own reload waits for an event Firefox does not report here). */
async function reload(popup: Page): Promise<void> {
  const old = await popup.evaluate(() => {
    setTimeout(() => location.reload(), 0);
    return performance.timeOrigin;
  });
  await popup.waitForFunction((before) => performance.timeOrigin !== before && document.querySelector('totp-generator')?.secret, { timeout: 20_000 }, old);
}

describe('extension popup in Firefox: saved test accounts (the popup page in a tab)', function () {
  this.timeout(180_000);
  let firefox: FirefoxWithPopup;
  let secret = '';

  before(async () => {
    firefox = await launchFirefoxWithPopupTab();
    await waitForEnrollment(firefox.popup);
  });

  after(async () => {
    await firefox?.close();
  });

  it('saves the generated enrollment after setting up the passphrase; its code is oathtool’s', async () => {
    const { popup } = firefox;
    secret = await popup.evaluate(() => document.querySelector('totp-generator')!.secret);
    await popup.click('#save');
    await popup.waitForSelector('#vault-setup');
    expect((await outcome(popup, () => submitSetup(popup, 'short', 'short'))).error).to.equal(await message(popup, 'vaultPassphraseShort'));
    await submitSetup(popup, PASSPHRASE);
    await popup.waitForSelector('#vault-save');
    expect(await popup.$eval('#vault-save', (form) => form.textContent)).to.include(await message(popup, 'vaultSaveNoSite'));
    expect((await outcome(popup, () => submitSave(popup, 'Firefox generated'))).notice).to.equal(await message(popup, 'vaultSaved', 'Firefox generated'));
    // No site here (the page is the extension's own): the account is listed among the others, opened since this
    // "site" has none.
    const shows = await savedShows(popup);
    expect(shows.others.map((line) => line.label)).to.deep.equal(['Firefox generated']);
    expect(oathtoolCodes(secret, {}, shows.others[0]!.readAt)).to.include(shows.others[0]!.code);
  });

  it('stores nothing in clear; Lock empties session storage; reloaded, only the count and the unlock field', async () => {
    const { popup } = firefox;
    const stored = await popup.evaluate(async () => JSON.stringify({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null), localStorage: { ...localStorage } }));
    expect(stored).to.include('"vault"');
    for (const text of [...secretForms(secret), 'Firefox generated']) expect(stored).not.to.include(text);
    await popup.click('#vault-lock');
    await popup.waitForSelector('#vault-unlock');
    expect(await popup.evaluate(async () => chrome.storage.session.get(null))).to.deep.equal({});
    await reload(popup);
    const locked = await savedShows(popup);
    expect(locked.others).to.deep.equal([]);
    expect(await popup.$eval('#vault-count', (element) => element.textContent)).to.equal(await message(popup, 'vaultLockedCount', '1'));
    expect(await popup.evaluate(() => document.body.innerText)).not.to.include('Firefox generated');
  });

  it('a wrong passphrase opens nothing; the right one shows oathtool’s code again', async () => {
    const { popup } = firefox;
    expect((await outcome(popup, () => submitUnlock(popup, 'not the passphrase'))).error).to.equal(await message(popup, 'vaultWrongPassphrase'));
    expect(await popup.$$('saved-accounts li.account')).to.have.length(0);
    await submitUnlock(popup, PASSPHRASE);
    await popup.waitForSelector('saved-accounts li.account');
    const shows = await savedShows(popup);
    expect(shows.others.map((line) => line.label)).to.deep.equal(['Firefox generated']);
    expect(oathtoolCodes(secret, {}, shows.others[0]!.readAt)).to.include(shows.others[0]!.code);
  });
});
