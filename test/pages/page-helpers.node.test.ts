// The pages' DOM-free helpers: reading the hosted API's query (never a secret), the embed snippet, the WebCrypto
// check; and the built offline file's shape (one file, nothing external, a hash-based CSP).
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { embedSnippet } from '../../src/pages/embed-snippet.js';
import { prefillSearch, readPrefill } from '../../src/pages/query-prefill.js';
import { webCryptoProblem } from '../../src/pages/webcrypto-check.js';

describe('pages: query prefill', () => {
  it("reads the hosted API's five parameters as given", () => {
    const prefill = readPrefill('?issuer=MyApp&account_name=user@example.com&digits=6&period=30&algorithm=SHA1');
    expect(prefill.values).to.deep.equal({ issuer: 'MyApp', account_name: 'user@example.com', digits: '6', period: '30', algorithm: 'SHA1' });
    expect(prefill.secretIgnored).to.equal(false);
  });

  it('ignores a secret in any spelling and gives a search without it', () => {
    const prefill = readPrefill('?issuer=My%20App&secret=JBSWY3DPEHPK3PXP&Secret=X&SEED=Y&account_name=a');
    expect(prefill.secretIgnored).to.equal(true);
    expect(prefill.values).to.deep.equal({ issuer: 'My App', account_name: 'a' });
    expect(prefill.safeSearch).to.not.match(/secret|seed|JBSW/i);
    expect(new URLSearchParams(prefill.safeSearch).get('issuer')).to.equal('My App');
  });

  it('passes invalid values through untouched, for the element to explain', () => {
    expect(readPrefill('?digits=7&algorithm=MD5').values).to.deep.equal({ digits: '7', algorithm: 'MD5' });
  });

  it('writes a search in the hosted API order, spaces as %20, empty fields left out', () => {
    expect(prefillSearch({ algorithm: 'SHA256', issuer: 'My App', account_name: '', digits: '8' })).to.equal('?issuer=My%20App&digits=8&algorithm=SHA256');
    expect(prefillSearch({})).to.equal('');
  });
});

describe('pages: embed snippet', () => {
  it('leaves default parameters out', () => {
    expect(embedSnippet({ issuer: 'MyApp', account_name: 'user@example.com', digits: '6', period: '30', algorithm: 'SHA1' })).to.equal(
      '<script type="module" src="totp-generator.bundle.js"></script>\n<totp-generator issuer="MyApp" account-name="user@example.com"></totp-generator>',
    );
  });

  it('escapes markup so that typed text cannot break out of the attribute', () => {
    const snippet = embedSnippet({ issuer: '"><script>alert(1)</script>&' });
    expect(snippet).to.not.include('<script>alert');
    // A real HTML parser (the character references decode back to exactly what was typed).
    const decoded = /issuer="([^"]*)"/.exec(snippet)![1]!.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    expect(decoded).to.equal('"><script>alert(1)</script>&');
  });
});

describe('pages: WebCrypto check', () => {
  it('says nothing in a secure context with crypto.subtle', () => {
    expect(webCryptoProblem({ isSecureContext: true, crypto: globalThis.crypto })).to.equal(undefined);
  });

  it('explains the file: case and the plain-http case in words', () => {
    const insecure = { isSecureContext: false, crypto: {} as Crypto };
    expect(webCryptoProblem({ ...insecure, location: { protocol: 'file:' } as Location })).to.match(/opened from disk/);
    expect(webCryptoProblem({ ...insecure, location: { protocol: 'http:' } as Location })).to.match(/https:\/\//);
  });
});

describe('pages: the built offline file', () => {
  const file = 'dist/totp-generator-offline.html';

  it('is one self-contained file: no src, no href, no URL to anywhere', function () {
    if (!existsSync(file)) throw new Error('run `npm run build` first');
    const html = readFileSync(file, 'utf8');
    // The markup only: the inlined script's strings (qrcode-generator can write <img> tags) are not the page's.
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>').replace(/<style>[\s\S]*?<\/style>/g, '');
    const tags = markup.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((tag) => /\s(src|href|action|srcset)=/i.test(tag))).to.deep.equal([]);
    expect(html.match(/<script/g)).to.have.length(1);
    expect(html).to.include('<script type="module">');
  });

  it("has a CSP of hashes only, and the hashes are those of its inline style and script", function () {
    if (!existsSync(file)) throw new Error('run `npm run build` first');
    const html = readFileSync(file, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).to.be.a('string');
    expect(policy).to.not.include('unsafe');
    expect(policy).to.include("default-src 'none'");
    const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(policy).to.include(`script-src ${sha256(script)}`);
    expect(policy).to.include(`style-src ${sha256(style)}`);
  });
});
