/**
 * Registers `<totp-generator>` — the one side effect, kept apart from the class so that importing the class
 * (`index.ts`) never defines a tag. Importing this twice, or after another copy registered the tag, is harmless.
 */
import { TotpGenerator } from './totp-generator.js';

export { TotpGenerator };

// `globalThis.customElements?.`: on a server (Next.js rendering a client component, @lit-labs/ssr without its DOM
// shim) there is no registry, and importing this module must not throw "customElements is not defined".
if (!globalThis.customElements?.get('totp-generator')) globalThis.customElements?.define('totp-generator', TotpGenerator);

declare global {
  interface HTMLElementTagNameMap {
    'totp-generator': TotpGenerator;
  }
}
