import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // Vue renders <totp-generator> as the custom element it is, instead of looking for a Vue component of that name.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'totp-generator' } } })],
});
