/**
 * Registers `<totp-generator>` — the one side effect, kept apart from the class so that importing the class
 * (`index.ts`) never defines a tag. Importing this twice, or after another copy registered the tag, is harmless.
 */
import { TotpGenerator } from './totp-generator.js';

export { TotpGenerator };

if (!customElements.get('totp-generator')) customElements.define('totp-generator', TotpGenerator);

declare global {
  interface HTMLElementTagNameMap {
    'totp-generator': TotpGenerator;
  }
}
