// `npm run build`: the library (ESM, Lit and otplib as dependencies) in dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { core: 'src/core/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      // A library does not bundle its dependencies: the host page's bundler dedupes them.
      external: [/^lit/, /^@lit\//, /^@otplib\//, /^qrcode-generator/, /^node:/],
    },
  },
});
