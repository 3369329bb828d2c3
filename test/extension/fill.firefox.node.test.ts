// Fill in the real Firefox on the sample pages of fill-pages.ts, as far as automation reaches: the popup page runs in
// a tab (WebDriver BiDi cannot click the toolbar button), and a test copy of the extension has the host permission
// `<all_urls>` in place of the click's activeTab grant (see read.firefox.node.test.ts). The fill function, its
// injection and the popup's message are the shipped ones; each fill is checked from the page's side against oathtool.
// Not here: frames (with `<all_urls>` Firefox lets the fill reach frames of other origins, which the click's grant
// would not, so a frame result here would say nothing about the shipped extension).
import { expect } from 'chai';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithPopupTab, type FirefoxWithPopup } from './firefox-extension.js';
import { KEY_6, KEY_8, startFillSite, type FillSite, type PageState } from './fill-pages.js';
import { oathtoolCodes, paste } from './read-popup.js';

interface Case {
  path: string;
  key?: { uri: string; secret: string; digits: number };
  rule?: string;
  reason?: string;
  /** The page's own state when filled: the form fields that hold the code, the rest as they are. */
  form?: (code: string) => [string, string][];
}

const boxes = (code: string) => [...code].map((digit, index): [string, string] => [`d${index}`, digit]);

const CASES: Case[] = [
  { path: '/six-boxes', rule: 'one-time-code', form: boxes },
  { path: '/react-boxes', rule: 'box-group', form: boxes },
  { path: '/eight-boxes', key: KEY_8, rule: 'one-time-code', form: boxes },
  { path: '/cursor-on-blur', rule: 'focused', form: boxes },
  { path: '/keydown-only', rule: 'named', form: (code) => [['code', code]] },
  { path: '/masked', rule: 'one-time-code', form: (code) => [['otp', code]] },
  { path: '/password-focused', rule: 'named', form: (code) => [['user', 'jo'], ['password', ''], ['totp', code]] },
  { path: '/password-only', reason: 'credential-focused' },
  { path: '/phone', rule: 'named', form: (code) => [['phone', ''], ['otc', code]] },
  { path: '/short-maxlength', reason: 'maxlength' },
  { path: '/vue', rule: 'named', form: (code) => [['verification', code]] },
  { path: '/open-shadow', rule: 'one-time-code', form: (code) => [['code', code]] },
  { path: '/closed-shadow', rule: 'one-time-code', form: (code) => [['code', code]] },
];

describe('extension Fill in Firefox (test copy with a host permission in place of the click’s grant)', function () {
  let site: FillSite;
  let firefox: FirefoxWithPopup;
  /** A fresh tab for each page: a tab reused across pages was seen detached from puppeteer in Firefox. */
  let tab: Page | undefined;

  before(async () => {
    site = await startFillSite();
    firefox = await launchFirefoxWithPopupTab({ host_permissions: ['<all_urls>'] });
    await firefox.popup.waitForFunction(() => document.querySelector('totp-generator')?.currentCode, { timeout: 20_000 });
  });

  afterEach(async () => {
    await tab?.close().catch(() => undefined);
    tab = undefined;
  });

  after(async () => {
    await firefox?.close();
    await site?.close();
  });

  for (const { path, key = KEY_6, rule = '', reason = '', form } of CASES) {
    it(`${path}: ${reason || `filled by the rule ${rule}`}`, async () => {
      const page = (tab = await firefox.browser.newPage());
      await page.goto(`${site.origin}${path}`);
      await page.waitForFunction(() => typeof (window as unknown as { pageState?: unknown }).pageState === 'function' && document.querySelector('input, code-box') && (!document.querySelector('#app') || document.querySelector('#app input')));
      await page.bringToFront();
      const { popup } = firefox;
      await popup.evaluate(() => document.querySelector<HTMLButtonElement>('#back')?.click());
      await paste(popup, key.uri);
      // A click through the page: the popup tab is behind the page's tab (as in read.firefox.node.test.ts).
      await popup.evaluate(() => {
        document.querySelector<HTMLElement>('#fill-message')!.textContent = '';
        document.querySelector<HTMLButtonElement>('#fill')!.click();
      });
      await popup.waitForFunction(() => document.querySelector('#fill-message')!.textContent !== '', { timeout: 15_000 });
      const status = await popup.$eval('#fill-message', (element) => ({ rule: (element as HTMLElement).dataset.rule, reason: (element as HTMLElement).dataset.reason }));
      // A refusal may name the rule that chose the field it refused (maxlength); a fill must name the expected one.
      expect(status).to.deep.equal({ rule: reason ? status.rule : rule, reason });
      const state = await page.evaluate(() => (window as unknown as { pageState(): PageState }).pageState());
      if (form) {
        expect(oathtoolCodes(key.secret, { digits: key.digits }, Date.now())).to.include(state.code);
        expect(state.form).to.deep.equal(form(state.code));
      } else expect(state.values.filter((value) => /^\d+$/.test(value))).to.deep.equal([]);
    });
  }
});
