// The manifest and what it points at: Manifest V3 for both browsers, the least permissions that work, no CSP
// loosening, every __MSG_ in both catalogues, and icons that are the committed output of scripts/make-icons.mjs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { decode } from 'fast-png';
import { ICON_DIR, ICON_SIZES, iconPng } from '../../scripts/make-icons.mjs';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const catalogue = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));

describe('extension: manifest.json', () => {
  it('is Manifest V3 with an action popup, a shortcut that opens it, and the package version', () => {
    expect(manifest.manifest_version).to.equal(3);
    expect(manifest.action.default_popup).to.equal('popup.html');
    expect(manifest.commands._execute_action.suggested_key.default).to.match(/^(Ctrl|Alt)\+Shift\+[A-Z0-9]$/);
    // The second shortcut: read the page's QR code (heard by the popup while it is open).
    expect(Object.keys(manifest.commands)).to.deep.equal(['_execute_action', 'read-page']);
    expect(manifest.commands['read-page'].suggested_key.default).to.match(/^(Ctrl|Alt)\+Shift\+[A-Z0-9]$/);
    expect(manifest.commands['read-page'].suggested_key.default).not.to.equal(manifest.commands._execute_action.suggested_key.default);
    expect(manifest.version).to.equal(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('asks only for activeTab, storage and scripting: no host permissions, no content scripts, no background', () => {
    // Exactly these, each justified in docs/extension.md: activeTab (the tab's URL, capture and fill, at a click),
    // storage (the four settings), scripting (Fill puts the code in under the activeTab grant).
    expect(manifest.permissions).to.deep.equal(['activeTab', 'storage', 'scripting']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'background', 'web_accessible_resources', 'externally_connectable']) {
      expect(manifest, key).not.to.have.property(key);
    }
  });

  it('keeps the default extension CSP (no content_security_policy key loosening it)', () => {
    expect(manifest).not.to.have.property('content_security_policy');
  });

  it('declares a Firefox id and that no data is collected', () => {
    expect(manifest.browser_specific_settings.gecko.id).to.match(/^[\w.-]+@[\w.-]+$/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).to.deep.equal({ required: ['none'] });
  });

  for (const lang of readdirSync('_locales')) {
    it(`has every __MSG_…__ of the manifest in _locales/${lang}`, () => {
      const names = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map(([, name]) => name);
      expect(names).to.include.members(['extensionName', 'extensionDescription']);
      for (const name of names) expect(catalogue(lang)[name]?.message, name).to.be.a('string').and.not.equal('');
    });
  }

  it('points at icons of 16, 32, 48 and 128 px that exist and have those sizes', () => {
    for (const icons of [manifest.icons, manifest.action.default_icon]) {
      expect(Object.keys(icons).map(Number)).to.deep.equal(ICON_SIZES);
      for (const [size, path] of Object.entries<string>(icons)) {
        const png = decode(readFileSync(`public/${path}`));
        expect([png.width, png.height], path).to.deep.equal([Number(size), Number(size)]);
      }
    }
  });

  it('ships the icons scripts/make-icons.mjs draws (run it after changing the drawing)', () => {
    for (const size of ICON_SIZES) {
      const path = `${ICON_DIR}/icon-${size}.png`;
      expect(existsSync(path), path).to.equal(true);
      expect(Buffer.compare(readFileSync(path), iconPng(size)), path).to.equal(0);
    }
  });
});
