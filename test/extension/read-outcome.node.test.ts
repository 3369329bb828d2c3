// What the popup makes of the texts read from a page or pasted: one key, a choice, or exactly one reason why not.
import { expect } from 'chai';
import * as OTPAuth from 'otpauth';
import { foreignText, pageOutcome, pastedOutcome, PREVIEW_MAX } from '../../src/extension/read-outcome.js';

const SHOP = 'otpauth://totp/Shop:ann?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shop';
const BANK = new OTPAuth.TOTP({ issuer: 'Bank', label: 'jo', algorithm: 'SHA512', digits: 8, period: 45 }).toString();
const SETTINGS = { issuer: 'example.com', accountName: 'me@example.com', digits: '8', period: '60', algorithm: 'SHA256' };

describe('extension: what a read or a paste shows', () => {
  it('one key: found, named "issuer — account", settings as the URI says', () => {
    const outcome = pageOutcome({ texts: [BANK], unread: undefined });
    if (outcome.kind !== 'found') throw new Error(outcome.kind);
    expect(outcome.key.name).to.equal('Bank — jo');
    expect(outcome.key.enrollment.parameters).to.deep.equal({ issuer: 'Bank', accountName: 'jo', algorithm: 'SHA512', digits: 8, period: 45 });
    expect(outcome.key.enrollment.secret.base32).to.equal(OTPAuth.URI.parse(BANK).secret.base32);
  });

  it('several keys: a choice, in the order read; a link beside one key does not make a choice', () => {
    const outcome = pageOutcome({ texts: [SHOP, 'https://example.com', BANK], unread: undefined });
    expect(outcome.kind).to.equal('choose');
    expect(outcome.kind === 'choose' && outcome.keys.map((key) => key.name)).to.deep.equal(['Shop — ann', 'Bank — jo']);
    expect(pageOutcome({ texts: ['https://example.com', SHOP], unread: undefined }).kind).to.equal('found');
  });

  it('no key: the refused otpauth URI rather than the link beside it; else what the first text is', () => {
    expect(pageOutcome({ texts: ['https://example.com', 'otpauth://hotp/a?secret=JBSWY3DPEHPK3PXP'], unread: undefined })).to.deep.equal({ kind: 'hotp' });
    expect(pageOutcome({ texts: ['otpauth-migration://offline?data=AAAA'], unread: undefined })).to.deep.equal({ kind: 'migration' });
    expect(pageOutcome({ texts: ['WIFI:S:home;T:WPA;P:secret;;'], unread: undefined })).to.deep.equal({ kind: 'foreign', what: { kind: 'text', preview: 'WIFI:S:home;T:WPA;P:secret;;' } });
    expect(pageOutcome({ texts: ['just words'], unread: undefined })).to.deep.equal({ kind: 'foreign', what: { kind: 'text', preview: 'just words' } });
    const invalid = pageOutcome({ texts: ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=7'], unread: undefined });
    expect(invalid.kind === 'invalid' && [invalid.error.field, invalid.error.problem]).to.deep.equal(['digits', 'got "7"']);
  });

  it('nothing read: none, cut off at the edge, or seen but unreadable', () => {
    expect(pageOutcome({ texts: [], unread: undefined })).to.deep.equal({ kind: 'none' });
    expect(pageOutcome({ texts: [], unread: 'edge' })).to.deep.equal({ kind: 'cut-off' });
    expect(pageOutcome({ texts: [], unread: 'unreadable' })).to.deep.equal({ kind: 'unreadable' });
  });

  it('a foreign text is cut to 80 characters (emoji count as one), control characters made spaces', () => {
    const long = `https://example.com/${'ä😀'.repeat(60)}`;
    const { preview } = foreignText(long);
    expect([...preview]).to.have.length(PREVIEW_MAX);
    expect(preview.endsWith('…')).to.equal(true);
    expect(long.startsWith(preview.slice(0, -1))).to.equal(true);
    expect(foreignText('line one\nline\u0000two\u202E')).to.deep.equal({ kind: 'text', preview: 'line one line two' });
  });

  it('a pasted URI is read as a URI; a bare Base32 secret takes the popup’s settings', () => {
    const uri = pastedOutcome(`  ${SHOP}\n`, SETTINGS);
    expect(uri.kind === 'found' && uri.key.enrollment.parameters).to.deep.equal({ issuer: 'Shop', accountName: 'ann', digits: 6, period: 30, algorithm: 'SHA1' });
    const bare = pastedOutcome('jbsw-y3dp ehpk-3pxp====', SETTINGS);
    expect(bare.kind === 'found' && bare.key.enrollment.parameters).to.deep.equal({ issuer: 'example.com', accountName: 'me@example.com', digits: 8, period: 60, algorithm: 'SHA256' });
    expect(bare.kind === 'found' && bare.key.enrollment.secret).to.include({ base32: 'JBSWY3DPEHPK3PXP', weak: true });
  });

  it('a pasted text that is neither says why: empty, not Base32, a link', () => {
    expect(pastedOutcome('  ', SETTINGS)).to.deep.equal({ kind: 'none' });
    const notBase32 = pastedOutcome('not base32!', SETTINGS);
    expect(notBase32.kind === 'invalid' && notBase32.error.field).to.equal('secret');
    expect(pastedOutcome('https://example.com/', SETTINGS)).to.deep.equal({ kind: 'foreign', what: { kind: 'link', preview: 'https://example.com/' } });
    const badSettings = pastedOutcome('JBSWY3DPEHPK3PXP', { ...SETTINGS, accountName: '' });
    expect(badSettings.kind === 'invalid' && badSettings.error.field).to.equal('accountName');
  });

  it('a lone surrogate in a pasted label or in the settings is an invalid key naming the field, not a thrown URIError (issue 21)', () => {
    const pasted = pastedOutcome('otpauth://totp/Shop:ann\uD800?secret=JBSWY3DPEHPK3PXP', SETTINGS);
    expect(pasted.kind === 'invalid' && pasted.error.field).to.equal('accountName');
    const settings = pastedOutcome('JBSWY3DPEHPK3PXP', { ...SETTINGS, issuer: 'Shop\uDC00' });
    expect(settings.kind === 'invalid' && settings.error.field).to.equal('issuer');
    const spoofed = pastedOutcome('otpauth://totp/Bank%E2%80%AE:ann?secret=JBSWY3DPEHPK3PXP', SETTINGS);
    expect(spoofed.kind === 'invalid' && spoofed.error.field).to.equal('issuer');
  });
});
