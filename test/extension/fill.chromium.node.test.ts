// Fill through the built extension in headless Chromium, the popup opened by the real toolbar click (CDP
// Extensions.triggerAction: the activeTab grant the injection rides on), on the sample pages of fill-pages.ts. Each
// fill is checked from the page's side — every box, the page's own state, what its form would submit — against
// oathtool's codes for the key pasted into the popup; the rule that chose the target is read from the popup.
import { expect } from 'chai';
import type { Frame, Page } from 'puppeteer-core';
import { launchWithExtension, openPopup, type ExtensionBrowser } from './chromium-extension.js';
import { CHROMIUM_HOST_RULES, KEY_6, KEY_8, startFillSite, type FillSite, type PageState } from './fill-pages.js';
import { fill, message, oathtoolCodes, paste } from './read-popup.js';

interface Filled {
  text: string;
  rule: string;
  reason: string;
  popup: Page;
}

describe('extension Fill in Chromium: the code inputs real sign-in pages use', function () {
  let site: FillSite;
  let chromium: ExtensionBrowser;
  let openNow: Page | undefined;

  before(async () => {
    site = await startFillSite();
    chromium = await launchWithExtension(undefined, [CHROMIUM_HOST_RULES]);
    await chromium.tab.setViewport({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    // A test may have closed it already.
    await openNow?.close().catch(() => undefined);
    openNow = undefined;
  });

  after(async () => {
    await chromium?.close();
    await site?.close();
  });

  /** Opens `path`, lets `prepare` focus something, clicks the toolbar button, pastes `key` and presses Fill. */
  async function fillOn(path: string, { key = KEY_6 as { uri: string }, prepare = async (_tab: Page) => undefined as unknown, submit = false } = {}): Promise<Filled> {
    await chromium.tab.goto(`${site.origin}${path}`);
    // A framed page has its state in the frame; the test waits for the frame's field where it needs it.
    await chromium.tab.waitForFunction(() => document.querySelector('iframe') || (typeof (window as unknown as { pageState?: unknown }).pageState === 'function' && document.querySelector('input, code-box')));
    await prepare(chromium.tab);
    const { popup } = await openPopup(chromium);
    openNow = popup;
    await popup.waitForSelector('#read');
    if (submit) await popup.click('#fill-submit');
    await paste(popup, key.uri);
    const text = await fill(popup);
    const { rule, reason } = await popup.$eval('#fill-message', (status) => ({ rule: (status as HTMLElement).dataset.rule ?? '', reason: (status as HTMLElement).dataset.reason ?? '' }));
    return { text, rule, reason, popup };
  }

  const pageState = (where: Page | Frame = chromium.tab) => where.evaluate(() => (window as unknown as { pageState(): PageState }).pageState());
  /** The code now, or one step ago, by oathtool. */
  const codesNow = (key: { secret: string; digits: number }) => oathtoolCodes(key.secret, { digits: key.digits }, Date.now());

  /** The page's state holds one of oathtool's codes, every box one digit of it, and its form submits it. */
  function expectCodeInBoxes(state: PageState, key: { secret: string; digits: number }) {
    expect(codesNow(key)).to.include(state.code);
    expect(state.values).to.deep.equal([...state.code]);
    expect(state.form).to.deep.equal([...state.code].map((digit, index) => [`d${index}`, digit]));
  }

  it('six boxes that keep only the last character typed: every box its digit; Fill and submit submits the form', async () => {
    const { text, rule, popup } = await fillOn('/six-boxes', { submit: true });
    const state = await pageState();
    expectCodeInBoxes(state, KEY_6);
    expect(rule).to.equal('one-time-code');
    expect(text).to.equal(`${await message(popup, 'fillDoneBoxesLabelled', '6', 'Enter the code')} ${await message(popup, 'fillSubmitted')}`);
    expect(state.submitted).to.deep.equal(state.form);
    // The setting is remembered with the popup's others.
    expect(await popup.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).to.deep.include({ fillSubmit: true });
    await popup.click('#fill-submit');
    await popup.waitForFunction(async () => ((await chrome.storage.local.get('settings')).settings as { fillSubmit: boolean }).fillSubmit === false);
  });

  it('a React 19 controlled OTP component: its state holds the code, every box a digit; nothing submitted with the setting off', async () => {
    const { text, rule, popup } = await fillOn('/react-boxes');
    const state = await pageState();
    expectCodeInBoxes(state, KEY_6);
    expect(rule).to.equal('box-group');
    expect(text).to.equal(await message(popup, 'fillDoneBoxesLabelled', '6', 'Enter the code from your app'));
    expect(state.submitted).to.equal(undefined);
  });

  it('eight boxes for an 8-digit code; the same boxes with a 6-digit code are refused by length', async () => {
    let filled = await fillOn('/eight-boxes', { key: KEY_8 });
    expectCodeInBoxes(await pageState(), KEY_8);
    expect(filled.text).to.equal(await message(filled.popup, 'fillDoneBoxesLabelled', '8', 'Enter the code'));
    await filled.popup.close();

    filled = await fillOn('/eight-boxes', { key: KEY_6 });
    expect(filled).to.deep.include({ reason: 'group-length' });
    expect(filled.text).to.equal(await message(filled.popup, 'fillGroupLength', '8', '6'));
    expect((await pageState()).values).to.deep.equal(Array(8).fill(''));
  });

  it('a component that moves its cursor on blur (react-otp-input), first box focused: no digit shifted', async () => {
    const { rule } = await fillOn('/cursor-on-blur');
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.values).to.deep.equal([...state.code]);
    expect(rule).to.equal('focused');
  });

  it('a field whose script reads keydown only: the page’s own variable holds the code', async () => {
    const { text, rule, popup } = await fillOn('/keydown-only');
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.values).to.deep.equal([state.code]);
    expect(state.form).to.deep.equal([['code', state.code]]);
    expect(rule).to.equal('named');
    expect(text).to.equal(await message(popup, 'fillDoneFieldLabelled', 'Security code'));
  });

  it('a masked type=password one-time-code field is a code field', async () => {
    const { rule } = await fillOn('/masked');
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.form).to.deep.equal([['otp', state.code]]);
    expect(rule).to.equal('one-time-code');
  });

  it('a sign-in form with the password focused: the code goes to the code field, the password stays empty', async () => {
    const { rule } = await fillOn('/password-focused');
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.form).to.deep.equal([['user', 'jo'], ['password', ''], ['totp', state.code]]);
    expect(rule).to.equal('named');
  });

  it('only a password field, focused: nothing filled, and the popup says why', async () => {
    const { text, reason, popup } = await fillOn('/password-only');
    expect(reason).to.equal('credential-focused');
    expect(text).to.equal(await message(popup, 'fillCredentialFocused'));
    expect((await pageState()).form).to.deep.equal([['user', 'jo'], ['password', '']]);
  });

  it('a phone-number field beside the code field: the code field only', async () => {
    const { rule } = await fillOn('/phone');
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.form).to.deep.equal([['phone', ''], ['otc', state.code]]);
    expect(rule).to.equal('named');
  });

  it('a maxlength shorter than the code is refused by the field’s name', async () => {
    const { text, reason, popup } = await fillOn('/short-maxlength');
    expect(reason).to.equal('maxlength');
    expect(text).to.equal(await message(popup, 'fillMaxLength', 'otc', '4', '6'));
    expect((await pageState()).values).to.deep.equal(['']);
  });

  it('a Vue 3 v-model field: the model holds the code', async () => {
    const { rule } = await fillOn('/vue', { prepare: (tab) => tab.waitForFunction(() => (window as unknown as { vueApp?: unknown }).vueApp) });
    const state = await pageState();
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(state.form).to.deep.equal([['verification', state.code]]);
    expect(rule).to.equal('named');
  });

  for (const mode of ['open', 'closed']) {
    it(`a code field in a ${mode} shadow root, in a form-associated element: its form submits the code`, async () => {
      const { rule } = await fillOn(`/${mode}-shadow`);
      const state = await pageState();
      expect(codesNow(KEY_6)).to.include(state.code);
      expect(state.form).to.deep.equal([['code', state.code]]);
      expect(rule).to.equal('one-time-code');
    });
  }

  it('a code field in a same-origin frame', async () => {
    const { rule } = await fillOn('/same-origin-frame', { prepare: async (tab) => (await (await tab.waitForSelector('#frame'))!.contentFrame())!.waitForSelector('#frame-otp') });
    const frame = (await (await chromium.tab.$('#frame'))!.contentFrame())!;
    const state = await pageState(frame);
    expect(codesNow(KEY_6)).to.include(state.code);
    expect(rule).to.equal('one-time-code');
  });

  it('frames from other origins: same site other port, another site focused, another site unfocused — each its own message, nothing changed', async () => {
    const focusFrame = async (tab: Page) => {
      const frame = (await (await tab.waitForSelector('#frame'))!.contentFrame())!;
      await frame.waitForSelector('#frame-otp');
      await frame.focus('#frame-otp');
    };
    const cases: [string, boolean, string, string, string][] = [
      ['/same-site-frame', true, 'frame-same-site', 'fillFrameSameSite', site.sameSiteOrigin],
      ['/cross-site-frame', true, 'frame-cross-site', 'fillFrameCrossSite', site.otherSiteOrigin],
      ['/cross-site-frame', false, 'field-out-of-reach', 'fillOutOfReach', site.otherSiteOrigin],
    ];
    for (const [path, focused, reason, name, origin] of cases) {
      const filled = await fillOn(path, { prepare: focused ? focusFrame : async (tab) => tab.waitForSelector('#frame') });
      expect(filled.reason, path).to.equal(reason);
      expect(filled.text).to.equal(await message(filled.popup, name, origin));
      const frame = (await (await chromium.tab.$('#frame'))!.contentFrame())!;
      expect(await frame.$eval('#frame-otp', (input) => (input as HTMLInputElement).value)).to.equal('');
      await filled.popup.close();
    }
  });

  it('the popup’s own new key: asks first on a page that does not show it, names the key, fills only when confirmed', async () => {
    await chromium.tab.goto(`${site.origin}/masked`);
    const { popup } = await openPopup(chromium);
    openNow = popup;
    await popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode);
    const [issuer, account] = await popup.evaluate(() => [document.querySelector('totp-generator')!.issuer, document.querySelector('totp-generator')!.accountName]);
    expect(await fill(popup)).to.equal(await message(popup, 'fillAskGenerated', `${issuer}: ${account}`));
    expect((await pageState()).code).to.equal('');
    await popup.click('#fill-confirm');
    await popup.waitForFunction(() => document.querySelector('#fill-message')!.getAttribute('data-rule') === 'one-time-code');
    const [code, secret] = await popup.evaluate(() => [document.querySelector('totp-generator')!.currentCode, document.querySelector('totp-generator')!.secret]);
    const state = await pageState();
    expect(state.code).to.equal(code);
    expect(oathtoolCodes(secret, {}, Date.now())).to.include(state.code);
  });

  it('a page that undoes the value says what the page kept, never "filled"', async () => {
    await chromium.tab.goto(`${site.origin}/six-boxes`);
    // The page's own handler, added here: every box but the first is emptied after each input.
    await chromium.tab.evaluate(() => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.boxes input')];
      for (const box of boxes.slice(1)) box.addEventListener('input', () => setTimeout(() => (box.value = '')));
    });
    const { popup } = await openPopup(chromium);
    openNow = popup;
    await popup.waitForSelector('#read');
    await paste(popup, KEY_6.uri);
    const text = await fill(popup);
    expect(await popup.$eval('#fill-message', (status) => (status as HTMLElement).dataset.reason)).to.equal('not-kept');
    expect(text).to.equal(await message(popup, 'fillNotKept', '1', '6'));
  });
});
