// The site the popup lists and saves accounts for: the active tab's, none when the tab shows no site; and a site
// typed by hand when an account is moved.
import { expect } from 'chai';
import { activeTabSite, normalSite } from '../../../src/extension/saved/active-tab-site.js';

describe('extension: saved accounts, the site', () => {
  it('comes from the active tab of the popup’s window: scheme, host and port', async () => {
    expect(await activeTabSite({ query: async () => [{ url: 'http://127.0.0.1:8080/login?next=/' }] })).to.equal('http://127.0.0.1:8080');
    expect(await activeTabSite({ query: async () => [{ url: 'https://staging.example.com:443/' }] })).to.equal('https://staging.example.com');
  });

  it('is none over a browser page, without the activeTab grant (no URL), or when the query fails', async () => {
    expect(await activeTabSite({ query: async () => [{ url: 'chrome://version/' }] })).to.equal(null);
    expect(await activeTabSite({ query: async () => [{}] })).to.equal(null);
    expect(await activeTabSite({ query: () => Promise.reject(new Error('no')) })).to.equal(null);
  });

  it('typed by hand: an origin, http:// when no scheme is given, null for none, undefined when it is no web address', () => {
    expect(normalSite(' https://example.com/login ')).to.equal('https://example.com');
    expect(normalSite('localhost:3000')).to.equal('http://localhost:3000');
    expect(normalSite('')).to.equal(null);
    expect(normalSite('ftp://example.com')).to.equal(undefined);
    expect(normalSite('not a site')).to.equal(undefined);
  });
});
