// The issuer suggested from the active tab: which URLs give one, which fall back to empty, and how the query is made.
import { expect } from 'chai';
import { activeTabIssuer, issuerFromUrl, type TabQuery } from '../../src/extension/active-tab-issuer.js';

describe('extension: issuer from the active tab', () => {
  const sites: [string, string][] = [
    ['https://github.com/login', 'github.com'],
    ['https://www.example.org/a?b#c', 'example.org'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['https://user:password@accounts.example.com:8443/x', 'accounts.example.com'],
    ['https://example.com./', 'example.com'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
  ];
  for (const [url, issuer] of sites) {
    it(`${url} → ${issuer}`, () => expect(issuerFromUrl(url)).to.equal(issuer));
  }

  const noSite = [
    'chrome://extensions/',
    'chrome://newtab/',
    'chrome-search://local-ntp/local-ntp.html',
    'about:blank',
    'about:newtab',
    'about:home',
    'file:///home/user/index.html',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'moz-extension://0b4c1d3e-1111-2222-3333-444455556666/popup.html',
    'view-source:https://example.com/',
    'data:text/html,hi',
    'http://[::1]:8080/',
    'not a url',
    '',
    undefined,
  ];
  for (const url of noSite) {
    it(`${String(url) || '(empty)'} → no issuer`, () => expect(issuerFromUrl(url)).to.equal(''));
  }

  it('asks for the active tab of the popup’s own window and uses its URL', async () => {
    const queries: unknown[] = [];
    const tabs: TabQuery = {
      query: async (queryInfo) => {
        queries.push(queryInfo);
        return [{ url: 'https://gitlab.com/users/sign_in' }];
      },
    };
    expect(await activeTabIssuer(tabs)).to.equal('gitlab.com');
    expect(queries).to.deep.equal([{ active: true, currentWindow: true }]);
  });

  it('gives no issuer when the tab’s URL is hidden (no activeTab grant), there is no tab, or the query fails', async () => {
    expect(await activeTabIssuer({ query: async () => [{}] })).to.equal('');
    expect(await activeTabIssuer({ query: async () => [] })).to.equal('');
    expect(await activeTabIssuer({ query: () => Promise.reject(new Error('no tabs API')) })).to.equal('');
  });
});
