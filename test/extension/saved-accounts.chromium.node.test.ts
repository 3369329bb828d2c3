// Saved test accounts in the built Chrome extension in headless Chromium, the popup opened by the real toolbar click
// (triggerAction, which grants activeTab as a click does). Truth from elsewhere: codes from oathtool, the page's own
// field, the otpauth package parsing the export, and every storage the extension has dumped raw.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, openPopup, pageProblems, type ExtensionBrowser, type PageProblems } from './chromium-extension.js';
import { fill as fillOnShow, message, oathtoolCodes, paste, popupShows, readFromPage } from './read-popup.js';
import { openOthers, outcome, savedShows, secretForms, submitSave, submitSetup, submitUnlock, type } from './saved-popup.js';
import { BANK, SHOP_URI, startSignUpSite, type SignUpSite } from './sign-up-pages.js';

const PASSPHRASE = 'staging sign-in 2026';
const BANK_LABEL = 'Bank staging jo';

/** Everything the extension can store, as text: storage.local/.session/.sync, IndexedDB (every store's records), its
 *  origin's localStorage and sessionStorage, Cache Storage. */
async function everyStorage(popup: Page): Promise<string> {
  return popup.evaluate(async () => {
    const databases: Record<string, unknown> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of db.objectStoreNames) {
        databases[`${name}/${storeName}`] = await new Promise((resolve) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
    }
    return JSON.stringify({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      indexedDB: databases,
      caches: await caches.keys(),
    });
  });
}

describe('extension in Chromium: saved test accounts (encrypted), in the popup', function () {
  let site: SignUpSite;
  let chromium: ExtensionBrowser;
  const problems: PageProblems[] = [];
  let openNow: Page | undefined;

  async function popupOver(url: string): Promise<Page> {
    await chromium.tab.goto(url);
    const { popup, target } = await openPopup(chromium);
    await popup.waitForSelector('#save');
    const close = popup.close.bind(popup);
    popup.close = async (options) => {
      openNow = undefined;
      problems.push(await pageProblems(popup, target, chromium.extension.id));
      return close(options);
    };
    openNow = popup;
    return popup;
  }

  before(async () => {
    site = await startSignUpSite();
    chromium = await launchWithExtension();
    await chromium.tab.setViewport({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    await openNow?.close();
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  it('with nothing saved: no saved-accounts chunk is loaded and nothing about them is shown', async () => {
    const popup = await popupOver(`${site.origin}/none`);
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    const loaded = await popup.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(loaded.filter((path) => /mount|saved|vault/.test(path))).to.deep.equal([]);
    expect(await popup.$eval('#vault', (section) => (section as HTMLElement).hidden)).to.equal(true);
    await popup.close();
  });

  it('reads a key on a local site and saves it: the first save sets up the passphrase, refusing a mismatch, a short one, and warning about a common one', async () => {
    const popup = await popupOver(`${site.origin}/qrcode-6`);
    const shows = await readFromPage(popup);
    expect(shows.kind).to.equal('key');
    await popup.click('#save');
    await popup.waitForSelector('#vault-setup');
    // The rest of the popup steps aside meanwhile; the warning says the passphrase cannot be recovered.
    expect(await popup.$eval('#workspace', (element) => (element as HTMLElement).hidden)).to.equal(true);
    expect(await popup.$eval('#vault-setup', (form) => form.textContent)).to.include(await message(popup, 'vaultSetupWarning'));

    expect((await outcome(popup, () => submitSetup(popup, PASSPHRASE, `${PASSPHRASE}!`))).error).to.equal(await message(popup, 'vaultPassphraseMismatch'));
    expect((await outcome(popup, () => submitSetup(popup, 'short1', 'short1'))).error).to.equal(await message(popup, 'vaultPassphraseShort'));
    await submitSetup(popup, 'password123');
    await popup.waitForFunction(() => document.querySelector('#vault-setup')?.textContent?.includes(chrome.i18n.getMessage('vaultPassphraseCommon')));
    // Still nothing stored: the warning stopped it.
    expect(await popup.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).not.to.include('vault');

    await submitSetup(popup, PASSPHRASE);
    await popup.waitForSelector('#vault-save');
    expect(await popup.$eval('#vault-save', (form) => form.textContent)).to.include(site.origin);
    const saved = await outcome(popup, () => submitSave(popup, BANK_LABEL));
    expect(saved).to.deep.equal({ notice: await message(popup, 'vaultSaved', BANK_LABEL), error: '' });
    expect((await savedShows(popup)).here.map((line) => line.label)).to.deep.equal([BANK_LABEL]);
    await popup.close();
  });

  it('saving the same secret for the same site again says so and keeps one', async () => {
    const popup = await popupOver(`${site.origin}/qrcode-6`);
    await savedShows(popup);
    await readFromPage(popup);
    await popup.click('#save');
    await popup.waitForSelector('#vault-save');
    const again = await outcome(popup, () => submitSave(popup, 'another label'));
    expect(again.notice).to.equal(await message(popup, 'vaultDuplicate', BANK_LABEL));
    expect((await savedShows(popup)).here.map((line) => line.label)).to.deep.equal([BANK_LABEL]);
    await popup.close();
  });

  it('reopened on that site: its account on top with oathtool’s code; Fill puts that code into the page’s field', async () => {
    // A pasted key saved on another site, and the popup's own generated enrollment saved here, so the list has both kinds.
    let popup = await popupOver(`${site.otherOrigin}/frame`);
    await savedShows(popup);
    await paste(popup, SHOP_URI);
    await popup.click('#save');
    await submitSave(popup, 'Shop on the other port');
    await savedShows(popup);
    await popup.close();

    popup = await popupOver(`${site.origin}/react-login`);
    let shows = await savedShows(popup);
    expect(shows.here.map((line) => line.label)).to.deep.equal([BANK_LABEL]);
    // The other sites' accounts wait, closed, under "Other sites" while this site has some.
    expect(shows.others).to.deep.equal([]);
    await openOthers(popup);
    shows = await savedShows(popup);
    expect(shows.others.map((line) => [line.label, line.site])).to.deep.equal([['Shop on the other port', site.otherOrigin]]);
    const [line] = shows.here;
    expect(oathtoolCodes(BANK.secret, BANK, line!.readAt)).to.include(line!.code);
    expect(oathtoolCodes(BANK.secret, BANK, line!.readAt + 60_000)).to.include(line!.nextCode);
    // The account's line is above the generator: the first thing under the buttons.
    expect(await popup.evaluate(() => document.querySelector('#vault')!.compareDocumentPosition(document.querySelector('#generator')!) & Node.DOCUMENT_POSITION_FOLLOWING)).to.not.equal(0);

    const filled = await outcome(popup, () => popup.click('#vault-here li.account .fill'));
    expect(filled.notice).to.equal(await message(popup, 'fillDoneFieldLabelled', 'Code from your app'));
    const field = await chromium.tab.$eval('#otp', (input) => (input as HTMLInputElement).value);
    expect(oathtoolCodes(BANK.secret, BANK, Date.now())).to.include(field);
    await popup.close();
  });

  it('saves the popup’s own generated enrollment, with an editable label', async () => {
    const popup = await popupOver(`${site.origin}/none`);
    await savedShows(popup);
    const secret = await popup.evaluate(async () => {
      const generator = document.querySelector('totp-generator')!;
      await generator.enrollmentComplete;
      return generator.secret;
    });
    await popup.click('#save');
    await popup.waitForSelector('#vault-save');
    expect(await popup.$eval('#vault-save input[name="label"]', (input) => (input as HTMLInputElement).value)).to.include('user@example.com');
    await submitSave(popup, 'Generated here');
    const shows = await savedShows(popup);
    expect(shows.here.map((line) => line.label)).to.deep.equal([BANK_LABEL, 'Generated here']);
    const generated = shows.here[1]!;
    expect(oathtoolCodes(secret, {}, generated.readAt)).to.include(generated.code);
    await popup.close();
  });

  it('no secret, label or site in clear in any storage; after Lock, no key in storage.session', async () => {
    const popup = await popupOver(`${site.origin}/none`);
    await savedShows(popup);
    await openOthers(popup);
    await savedShows(popup);
    const secrets = await popup.evaluate(async () => {
      // The secrets as the list holds them in memory while unlocked: every account's, generated ones included.
      return [...document.querySelectorAll('account-code')].map((line) => {
        const bytes = line.enrollment!.codeOptions.secret;
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
        let bits = '';
        for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
        return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
      });
    });
    expect(secrets).to.have.length(3);
    expect(secrets).to.include(BANK.secret);
    const stored = await everyStorage(popup);
    const origin = new URL(site.origin);
    for (const secret of secrets) for (const form of secretForms(secret)) expect(stored, `secret ${form}`).not.to.include(form);
    for (const text of [BANK_LABEL, 'Shop on the other port', 'Generated here', 'Bank of Tests', 'jo@example.com', origin.host, `${origin.hostname}:`, new URL(site.otherOrigin).host, 'Shop']) {
      expect(stored, text).not.to.include(text);
      expect(stored, text).not.to.include(JSON.stringify(text).slice(1, -1));
    }
    const sessionUnlocked = await popup.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    expect(sessionUnlocked).not.to.equal('{}');

    await popup.click('#vault-lock');
    await popup.waitForSelector('#vault-unlock');
    const session = await popup.evaluate(async () => chrome.storage.session.get(null));
    expect(session).to.deep.equal({});
    await popup.close();
  });

  it('Locked: reopened shows nothing but the count and an unlock field; a wrong passphrase opens nothing; the right one shows the code again', async () => {
    const popup = await popupOver(`${site.origin}/react-login`);
    const locked = await savedShows(popup);
    expect(locked.here).to.deep.equal([]);
    expect(locked.others).to.deep.equal([]);
    const countText = await message(popup, 'vaultLockedCount', '3');
    expect(await popup.$eval('#vault-count', (element) => element.textContent)).to.equal(countText);
    // Everything <saved-accounts> shows: its heading, the count, the field, Unlock and "Forgot the passphrase?".
    const controls = await popup.$$eval('saved-accounts input, saved-accounts button, saved-accounts li, saved-accounts account-code', (elements) => elements.map((element) => element.localName + (element.getAttribute('name') ? `[${element.getAttribute('name')}]` : '')));
    expect(controls).to.deep.equal(['input[passphrase]', 'button', 'button']);
    const text = await popup.evaluate(() => document.body.innerText);
    for (const hidden of [BANK_LABEL, 'Shop on the other port', 'Generated here', site.otherOrigin]) expect(text).not.to.include(hidden);

    const wrong = await outcome(popup, () => submitUnlock(popup, 'staging sign-in 2025'));
    expect(wrong).to.deep.equal({ notice: '', error: await message(popup, 'vaultWrongPassphrase') });
    expect(await popup.$$('saved-accounts li.account')).to.have.length(0);
    expect(await popup.evaluate(async () => chrome.storage.session.get(null))).to.deep.equal({});

    await submitUnlock(popup, PASSPHRASE);
    await popup.waitForSelector('#vault-here li.account');
    const shows = await savedShows(popup);
    const [line] = shows.here;
    expect(line!.label).to.equal(BANK_LABEL);
    expect(oathtoolCodes(BANK.secret, BANK, line!.readAt)).to.include(line!.code);
    await popup.close();
  });

  it('opens an account as a read key (settings, code, QR), renames it, moves it to another site, deletes it', async () => {
    const popup = await popupOver(`${site.origin}/none`);
    await savedShows(popup);
    await popup.click('#vault-here li.account .open');
    const key = await popupShows(popup);
    if (key.kind !== 'key') throw new Error(JSON.stringify(key));
    expect(key.key).to.deep.include({ issuer: BANK.issuer, accountName: BANK.accountName, digits: '8', period: '60', algorithm: 'SHA256', secret: BANK.secret });
    expect(key.key.qrSvg).to.match(/^<svg/);

    // The time-window lab follows the account opened: its current row is oathtool's code for the saved secret.
    await popup.click('#lab summary');
    const row = await popup.waitForFunction(() => {
      const current = document.querySelector<HTMLElement>('time-lab .lab-code[data-offset="0"] .lab-value');
      const code = current?.dataset.code ?? '';
      return code.length === 8 && { code, readAt: Date.now() };
    });
    const current = (await row.jsonValue()) as { code: string; readAt: number };
    expect(oathtoolCodes(BANK.secret, BANK, current.readAt)).to.include(current.code);

    await type(popup, '#vault-edit input[name="label"]', 'Bank renamed');
    await type(popup, '#vault-edit input[name="site"]', 'not a site');
    expect((await outcome(popup, () => popup.click('#vault-edit button[type="submit"]'))).error).to.equal(await message(popup, 'vaultSiteInvalid'));
    await type(popup, '#vault-edit input[name="site"]', site.otherOrigin);
    expect((await outcome(popup, () => popup.click('#vault-edit button[type="submit"]'))).notice).to.equal(await message(popup, 'vaultChanged'));
    await popup.click('#vault-account .back');
    await openOthers(popup);
    let shows = await savedShows(popup);
    expect(shows.here.map((line) => line.label)).to.deep.equal(['Generated here']);
    expect(shows.others.map((line) => line.label).sort()).to.deep.equal(['Bank renamed', 'Shop on the other port']);

    // The filter box narrows the others.
    await type(popup, '#vault-others input[name="filter"]', 'shop');
    shows = await savedShows(popup);
    expect(shows.others.map((line) => line.label)).to.deep.equal(['Shop on the other port']);
    await type(popup, '#vault-others input[name="filter"]', '');

    await popup.click('#vault-here li.account .open');
    await popup.waitForSelector('#vault-account');
    await popup.click('#vault-account .delete');
    expect((await outcome(popup, () => popup.click('#vault-account .confirm-delete'))).notice).to.equal(await message(popup, 'vaultDeleted'));
    shows = await savedShows(popup);
    expect(shows.here).to.deep.equal([]);
    expect(shows.others).to.have.length(2);
    await popup.close();
  });

  it('exports all accounts as URIs after the passphrase again, and imports them back through the UI, naming bad lines', async () => {
    const popup = await popupOver(`${site.otherOrigin}/frame`);
    await savedShows(popup);
    await popup.click('#vault-manage-open');
    await popup.click('#vault-export-open');
    await popup.waitForSelector('#vault-export form');
    expect(await popup.$eval('#vault-export', (element) => element.textContent)).to.include(await message(popup, 'vaultExportWarning'));
    await popup.click('#vault-export input[value="all"]');
    await type(popup, '#vault-export input[name="passphrase"]', 'not it at all');
    expect((await outcome(popup, () => popup.click('#vault-export button[type="submit"]'))).error).to.equal(await message(popup, 'vaultWrongPassphrase'));
    await type(popup, '#vault-export input[name="passphrase"]', PASSPHRASE);
    await popup.click('#vault-export button[type="submit"]');
    const exported = await (await popup.waitForSelector('#vault-export-text'))!.evaluate((area) => (area as HTMLTextAreaElement).value);
    const uris = exported.trim().split('\n');
    expect(uris).to.have.length(2);
    const parsed = uris.map((uri) => OTPAuth.URI.parse(uri) as OTPAuth.TOTP);
    expect(parsed.map((totp) => totp.secret.base32).sort()).to.deep.equal([BANK.secret, new URL(SHOP_URI).searchParams.get('secret')].sort());
    const bank = parsed.find((totp) => totp.secret.base32 === BANK.secret)!;
    expect([bank.algorithm, bank.digits, bank.period]).to.deep.equal(['SHA256', 8, 60]);
    await popup.click('#vault-export .back');

    // Delete one, then import the export plus two bad lines: the bad ones named by line, the good ones on confirm.
    await savedShows(popup);
    await popup.click('#vault-here li.account .open');
    await popup.click('#vault-account .delete');
    await outcome(popup, () => popup.click('#vault-account .confirm-delete'));
    await popup.click('#vault-manage-open');
    await popup.click('#vault-import-open');
    const text = [uris[0], 'otpauth://hotp/Old:bob?secret=JBSWY3DPEHPK3PXP&counter=7', 'not a key', uris[1]].join('\n');
    await type(popup, '#vault-import textarea[name="text"]', text);
    await popup.click('#vault-import form button[type="submit"]');
    const refused = await (await popup.waitForSelector('#vault-import-check'))!.evaluate((check) => [...check.querySelectorAll('#vault-import-refused li')].map((item) => item.textContent ?? ''));
    expect(refused).to.have.length(2);
    expect(refused[0]).to.match(/\b2\b/);
    expect(refused[1]).to.match(/\b3\b/);
    expect(await popup.$$('saved-accounts li.account')).to.have.length(0);
    const imported = await outcome(popup, () => popup.click('#vault-import-confirm'));
    expect(imported.notice).to.equal(await message(popup, 'vaultImported', '1', '1'));
    const shows = await savedShows(popup);
    expect(shows.here.length + shows.others.length).to.equal(2);
    await popup.close();
  });

  it('Manage: the auto-lock time (1–480, refused by name outside) and a passphrase change (wrong old one refused; the new one unlocks)', async () => {
    const popup = await popupOver(`${site.origin}/none`);
    await savedShows(popup);
    await popup.click('#vault-manage-open');
    await popup.waitForSelector('#vault-auto-lock');
    expect(await popup.$eval('#vault-auto-lock input[name="minutes"]', (input) => (input as HTMLInputElement).value)).to.equal('15');
    await type(popup, '#vault-auto-lock input[name="minutes"]', '481');
    // The field's own range check would stop the form: the popup's message is what is checked, so it is bypassed.
    await popup.$eval('#vault-auto-lock', (form) => ((form as HTMLFormElement).noValidate = true));
    expect((await outcome(popup, () => popup.click('#vault-auto-lock button[type="submit"]'))).error).to.equal(await message(popup, 'vaultAutoLockRange', '1', '480'));
    await type(popup, '#vault-auto-lock input[name="minutes"]', '5');
    expect((await outcome(popup, () => popup.click('#vault-auto-lock button[type="submit"]'))).notice).to.equal(await message(popup, 'vaultAutoLockSet', '5'));
    expect(await popup.evaluate(async () => chrome.storage.local.get('vaultSettings'))).to.deep.equal({ vaultSettings: { autoLockMinutes: 5 } });

    await popup.click('#vault-manage details summary');
    const change = async (old: string, next: string, repeated = next) => {
      await type(popup, '#vault-change input[name="old"]', old);
      await type(popup, '#vault-change input[name="next"]', next);
      await type(popup, '#vault-change input[name="repeated"]', repeated);
      return outcome(popup, () => popup.click('#vault-change button[type="submit"]'));
    };
    expect((await change('not the passphrase', 'a new passphrase')).error).to.equal(await message(popup, 'vaultWrongPassphrase'));
    expect((await change(PASSPHRASE, 'a new passphrase', 'a new passphrase!')).error).to.equal(await message(popup, 'vaultPassphraseMismatch'));
    expect((await change(PASSPHRASE, 'a new passphrase')).notice).to.equal(await message(popup, 'vaultPassphraseChanged'));
    await popup.click('#vault-manage .back');
    await (await popup.waitForSelector('#vault-lock'))!.click();
    await popup.waitForSelector('#vault-unlock');
    expect((await outcome(popup, () => submitUnlock(popup, PASSPHRASE))).error).to.equal(await message(popup, 'vaultWrongPassphrase'));
    await submitUnlock(popup, 'a new passphrase');
    await popup.waitForSelector('#vault-list');
    await popup.close();
  });

  it('Delete all, from the locked screen, is the way out of a forgotten passphrase; the next save sets up a new one', async () => {
    let popup = await popupOver(`${site.origin}/none`);
    await savedShows(popup);
    await popup.click('#vault-lock');
    await (await popup.waitForSelector('#vault-forgot'))!.click();
    expect(await popup.$eval('#vault-forgot-screen', (element) => element.textContent)).to.include(await message(popup, 'vaultDeleteAllExplain'));
    await popup.click('#vault-delete-all-confirm');
    await popup.waitForFunction(() => document.querySelector<HTMLElement>('#vault')!.querySelector('saved-accounts')?.hidden);
    expect(await popup.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).not.to.include('vault');
    await popup.close();
    popup = await popupOver(`${site.origin}/none`);
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    await popup.click('#save');
    await popup.waitForSelector('#vault-setup');
    await popup.close();
  });

  it('Fill on show still fills the generated code (the saved accounts changed nothing there), and no popup logged an error or sent anything', async () => {
    await chromium.tab.goto(`${site.origin}/none`);
    await chromium.tab.focus('input[name="name"]');
    const { popup, target } = await openPopup(chromium);
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    // The popup's own new key: Fill asks first (issue 22), and fills once confirmed.
    expect(await fillOnShow(popup)).to.equal(await message(popup, 'fillAskGenerated', await popup.$eval('totp-generator', (generator) => [generator.issuer, generator.accountName].filter(Boolean).join(': '))));
    await popup.evaluate(() => (document.querySelector<HTMLElement>('#fill-message')!.hidden = true));
    await popup.click('#fill-confirm');
    await popup.waitForFunction(() => !document.querySelector<HTMLElement>('#fill-message')!.hidden);
    expect(await popup.$eval('#fill-message', (status) => status.textContent)).to.equal(await message(popup, 'fillDoneFieldLabelled', 'Name'));
    expect(await chromium.tab.$eval('input[name="name"]', (input) => (input as HTMLInputElement).value)).to.match(/^\d{6}$/);
    problems.push(await pageProblems(popup, target, chromium.extension.id));
    await popup.close();
    expect(problems.length).to.be.greaterThan(8);
    expect(problems.flatMap((each) => [...each.requests, ...each.errors, ...each.cspIssues])).to.deep.equal([]);
  });
});
