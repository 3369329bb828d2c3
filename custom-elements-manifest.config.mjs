// `npm run manifest` writes custom-elements.json (editors, Storybook and docs tools read it); the test stage
// "custom-elements.json fresh" (scripts/check-custom-elements.mjs) fails when the committed file is out of date.

/**
 * The manifest describes the public API only. Private members (`_name`, `private`) are how the element is built
 * today, not what a page can use, so they are left out: splitting the element into controllers must not change the
 * manifest. Lit's `static properties = { _x: { state: true } }` entries are private too; the analyzer's Lit plugin
 * (0.11) would otherwise list them as attributes.
 */
function publicMembersOnly() {
  return {
    name: 'public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          const hidden = new Set((declaration.members ?? []).filter((member) => member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('_')).map((member) => member.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
          if (declaration.members) declaration.members = declaration.members.filter((member) => !hidden.has(member.name));
        }
      }
    },
  };
}

export default {
  globs: ['src/element/**/*.ts'],
  // The pieces the element is composed of: not exported by the package, not API.
  exclude: ['src/element/internal/**'],
  // The Lit plugin reads @property/@state decorators, `static properties` and JSDoc (@fires, @csspart, @cssprop…).
  litelement: true,
  outdir: '.',
  // package.json carries "customElements" already; the analyzer must not rewrite a shared file on every run.
  packagejson: false,
  quiet: true,
  plugins: [publicMembersOnly()],
};
