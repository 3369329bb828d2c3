// `npm run manifest` writes custom-elements.json (editors, Storybook and docs tools read it); the test stage
// "custom-elements.json fresh" (scripts/check-custom-elements.mjs) fails when the committed file is out of date.

/**
 * Lit's `static properties = { _x: { state: true } }` declares internal reactive state, which has no attribute; the
 * analyzer's Lit plugin (0.11) lists such entries as attributes anyway. Private members never have attributes.
 */
function litStateHasNoAttribute() {
  return {
    name: 'lit-state-has-no-attribute',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          const hidden = new Set((declaration.members ?? []).filter((member) => member.privacy === 'private' || member.name.startsWith('_')).map((member) => member.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
          for (const member of declaration.members ?? []) if (hidden.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}

export default {
  globs: ['src/element/**/*.ts'],
  // The Lit plugin reads @property/@state decorators, `static properties` and JSDoc (@fires, @csspart, @cssprop…).
  litelement: true,
  outdir: '.',
  // package.json carries "customElements" already; the analyzer must not rewrite a shared file on every run.
  packagejson: false,
  quiet: true,
  plugins: [litStateHasNoAttribute()],
};
