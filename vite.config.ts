// `npm run build`: the library (ESM, with Lit and qr as dependencies) in dist/.
// `npm start`: the demo page (index.html at the repository's top, script in src/pages/demo.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  // The dev server only serves local files; nothing below may make Vite reach the network.
  server: { host: '127.0.0.1', open: false },
  // Every dependency the demo imports, pre-bundled together at start: one found later (the element's Lit directives
  // sit behind its first import) would be bundled again on its own, with a second copy of Lit in the page.
  optimizeDeps: {
    include: ['lit', 'lit/directives/ref.js', 'lit/directives/unsafe-html.js', 'qr', '@otplib/core', '@otplib/totp', '@otplib/plugin-crypto-web', '@otplib/plugin-base32-scure', '@scure/base'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        core: 'src/core/index.ts',
        // The element's class, events and strings, with no side effect: importing it never registers a tag.
        element: 'src/element/index.ts',
        // The side effect on its own: `import 'totp-enroll/define'` registers <totp-generator>.
        define: 'src/element/define.ts',
        // One module per language beyond English, so that a page ships only the language it uses.
        'strings-de': 'src/element/strings-de.ts',
        'strings-fr': 'src/element/strings-fr.ts',
        'strings-es': 'src/element/strings-es.ts',
        // React's wrapper (@lit/react, an optional peer); registers the tag as define does.
        react: 'src/react/index.ts',
        // Types only (`import type {} from 'totp-enroll/jsx'`): empty modules, so that a plain import resolves too.
        jsx: 'src/frameworks/jsx.ts',
        vue: 'src/frameworks/vue.ts',
        svelte: 'src/frameworks/svelte.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // A library does not bundle its dependencies: the host page's bundler dedupes them.
      external: [/^lit/, /^@lit\//, /^react($|\/)/, /^vue$/, /^svelte($|\/)/, /^@scure\//, /^qr($|\/)/, /^node:/],
    },
  },
});
