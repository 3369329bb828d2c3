// `npm run manifest` writes custom-elements.json (editors, Storybook and docs tools read it); the test stage
// "custom-elements.json fresh" (scripts/check-custom-elements.mjs) fails when the committed file is out of date.
export default {
  globs: ['src/element/**/*.ts'],
  // The Lit plugin reads @property/@state decorators, `static properties` and JSDoc (@fires, @csspart, @cssprop…).
  litelement: true,
  outdir: '.',
  // package.json carries "customElements" already; the analyzer must not rewrite a shared file on every run.
  packagejson: false,
  quiet: true,
};
