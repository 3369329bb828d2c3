// `npm run build`, extension part 1: the popup page and its scripts in dist/extension-files/: popup.js, shared.js (the
// element and the core), vendor/lit.js, and chunks loaded only when used — page-tools.js (Read, Paste, Fill),
// qr-scan.js (the QR decoder), time-lab.js (the time-window lab, with the core's time-window.ts),
// saved-accounts-ui.js (saved test accounts and the encrypted store) and read-and-fill.js (what Read and the saved
// accounts share). Part 2, scripts/build-extension.mjs, adds the background script, _locales and icons,
// makes one folder per browser with its own manifest (dist/extension-chrome/, dist/extension-firefox/) and packs the zips.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Modules for shared.js (see codeSplitting below). */
const SHARED = /[\\/]src[\\/](core|element)[\\/]|[\\/]src[\\/]extension[\\/]vault[\\/]status\.ts|[\\/]src[\\/]extension[\\/]i18n\.ts|vite[\\/]preload-helper|node_modules[\\/](@otplib|@scure|@noble)[\\/]|node_modules[\\/]qr[\\/]index\.js/;

/** Modules only the time-window lab uses, kept out of shared.js (the core's time-window.ts would match SHARED). */
const LAB_ONLY = /[\\/]src[\\/](core[\\/]time-window|extension[\\/]time-lab[\w-]*)\.ts$/;

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/extension'),
  // Relative URLs: the page is served from chrome-extension://<id>/ or moz-extension://<uuid>/.
  base: './',
  // public/ belongs to the demo page; the extension's static files are copied by scripts/build-extension.mjs.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, 'dist/extension-files'),
    emptyOutDir: true,
    // Store reviewers read the code: keep it unminified, without source maps that would ship twice the bytes.
    minify: false,
    sourcemap: false,
    // <link rel="modulepreload"> for vendor/lit.js, so it loads alongside popup.js rather than after it; no polyfill
    // (every MV3 browser has modulepreload, and the polyfill would be code for nothing).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: resolve(import.meta.dirname, 'src/extension/popup.html'),
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: '[name][extname]',
        // Lit in a file of its own, unchanged: its template parser assigns `template.innerHTML`, which addons-linter
        // warns about in any Lit extension. Kept apart, the warning is attributable to the library, and
        // test/extension/web-ext-lint.node.test.ts checks that it is the only one.
        codeSplitting: {
          groups: [
            { name: 'vendor/lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/ },
            // The once-per-step helper of every live code line (read view, saved accounts, lab): a file of its own, so that
            // neither the lab's first use loads read-and-fill.js for it nor the popup's opening carries it in shared.js.
            { name: 'once-per-step', test: /[\\/]src[\\/]extension[\\/]once-per-step\.ts$/, includeDependenciesRecursively: false },
            // The time-window lab's modules, the core's time-window.ts among them (which SHARED would match): their
            // own file, time-window-lab.js, behind time-lab.js (the chunk popup.ts imports when the lab is opened),
            // so the popup's opening loads none of the lab (test/extension/time-lab.*, bench/popup.bench.ts).
            // Without their dependencies, so that what the lab shares with the popup stays in shared.js.
            { name: 'time-window-lab', test: LAB_ONLY, includeDependenciesRecursively: false },
            // What the popup needs at once and page-tools.js (loaded at the first Read, Paste or Fill) needs too —
            // the core, the element, the i18n helpers, Vite's helper for dynamic imports — in one file preloaded
            // with popup.js. The QR decoder stays in qr-scan.js.
            // (With them: the saved accounts' status.ts, which popup.js reads at open and the store's chunk uses too.)
            // @scure/base (the store's Base64) in a file of its own: left ungrouped, it lands in shared.js (the core
            // modules that also import it are grouped there, though the popup uses none of them) and would load at
            // every opening.
            { name: 'vendor/scure-base', test: /node_modules[\\/]@scure[\\/]/ },
            { name: 'shared', test: SHARED },
            // What Read/Paste/Fill (page-tools.js) and the saved accounts (saved-accounts-ui.js) both use — the read
            // key's view, Fill's page function and its messages, Read's key parsing — loaded with whichever comes first.
            { name: 'read-and-fill', test: /[\\/]src[\\/]extension[\\/](read-view|read-view-strings|read-outcome|fill-code|fill-message)\.ts/ },
          ],
        },
      },
    },
  },
});
