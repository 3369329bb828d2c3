// The manifests and what they point at: Manifest V3 for both browsers, the least permissions that work, no CSP
// loosening, every __MSG_ in every catalogue, and icons that are the committed output of scripts/make-icons.mjs.
// The sources are manifest.json (what both browsers share) and manifest.chrome.json / manifest.firefox.json; the
// built manifests in dist/extension-chrome and dist/extension-firefox are checked too (run `npm run build` first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { decode } from 'fast-png';
import { ICON_DIR, ICON_SIZES, iconPng } from '../../scripts/make-icons.mjs';
import { CHROME_EXTENSION_DIR } from './chromium-extension.js';
import { FIREFOX_EXTENSION_DIR } from './firefox-extension.js';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const catalogue = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));
const BUILDS = { chrome: CHROME_EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };
const built = (browser: keyof typeof BUILDS) => JSON.parse(readFileSync(join(BUILDS[browser], 'manifest.json'), 'utf8'));
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

/** Every file under `dir`, by its path inside it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('extension: manifest.json, and the Chrome and Firefox manifests built from it', () => {
  before(function () {
    for (const dir of Object.values(BUILDS)) if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}/manifest.json is missing: run npm run build first`);
  });

  it('is Manifest V3 with an action popup, a shortcut that opens it, and the package version', () => {
    expect(manifest.manifest_version).to.equal(3);
    expect(manifest.action.default_popup).to.equal('popup.html');
    expect(manifest.commands._execute_action.suggested_key.default).to.match(/^(Ctrl|Alt)\+Shift\+[A-Z0-9]$/);
    // The second shortcut: read the page's QR code (heard by the background script, which opens the popup); the
    // third: fill the code of this site's saved account (heard by the background script, issue 18).
    expect(Object.keys(manifest.commands)).to.deep.equal(['_execute_action', 'read-page', 'fill-code']);
    const keys = Object.values(manifest.commands).map((command) => (command as { suggested_key: { default: string } }).suggested_key.default);
    for (const key of keys) expect(key).to.match(/^(Ctrl|Alt)\+Shift\+[A-Z0-9]$/);
    expect(new Set(keys).size, 'three different keys').to.equal(3);
    expect(manifest.commands['fill-code'].description).to.equal('__MSG_fillCommand__');
    expect(manifest.version).to.equal(version);
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    it(`${browser}: asks only for activeTab, storage, scripting and alarms: no host permissions, no content scripts`, () => {
      // Exactly these, each justified in docs/extension.md: activeTab (the tab's URL, capture and fill, at a click or
      // shortcut), storage (the four settings, the encrypted saved accounts; the shortcuts' requests and the unlocked
      // store's key in session storage), scripting (Fill), alarms (auto-lock of the saved accounts on time with the
      // popup closed, issue 18).
      expect(built(browser).permissions).to.deep.equal(['activeTab', 'storage', 'scripting', 'alarms']);
      for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable']) {
        expect(built(browser), key).not.to.have.property(key);
      }
    });
  }

  it('builds two manifests that differ from manifest.json only in the background script (and Firefox’s settings)', () => {
    const [chrome, firefox] = [built('chrome'), built('firefox')];
    // The one background script, in the form each browser runs: Chrome's service worker, Firefox's background script.
    expect(chrome.background).to.deep.equal({ service_worker: 'background.js' });
    expect(firefox.background).to.deep.equal({ scripts: ['background.js'] });
    expect(chrome).not.to.have.property('browser_specific_settings');
    expect(firefox).to.have.property('browser_specific_settings');
    const without = (object: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
    expect(without(chrome, 'background')).to.deep.equal({ ...manifest, version });
    expect(without(firefox, 'background', 'browser_specific_settings')).to.deep.equal({ ...manifest, version });
  });

  it('builds the same files for both browsers, byte for byte, but for manifest.json (so linting one lints both)', () => {
    const files = filesUnder(CHROME_EXTENSION_DIR);
    expect(files).to.deep.equal(filesUnder(FIREFOX_EXTENSION_DIR));
    expect(files).to.include.members(['background.js', 'popup.html', 'popup.js', 'manifest.json']);
    for (const file of files.filter((each) => each !== 'manifest.json')) {
      expect(Buffer.compare(readFileSync(join(CHROME_EXTENSION_DIR, file)), readFileSync(join(FIREFOX_EXTENSION_DIR, file))), file).to.equal(0);
    }
  });

  it('keeps the default extension CSP (no content_security_policy key loosening it)', () => {
    for (const each of [built('chrome'), built('firefox')]) expect(each).not.to.have.property('content_security_policy');
  });

  it('declares a Firefox id and that no data is collected', () => {
    const { gecko } = built('firefox').browser_specific_settings;
    expect(gecko.id).to.match(/^[\w.-]+@[\w.-]+$/);
    expect(gecko.data_collection_permissions).to.deep.equal({ required: ['none'] });
  });

  for (const lang of readdirSync('_locales')) {
    it(`has every __MSG_…__ of both manifests in _locales/${lang}`, () => {
      const names = [...JSON.stringify([built('chrome'), built('firefox')]).matchAll(/__MSG_(\w+)__/g)].map(([, name]) => name);
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
