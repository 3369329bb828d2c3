/**
 * The element's public API without registering anything: the class, its event types and its strings. Import
 * `define.js` (or call `customElements.define` yourself) to register the tag. Its one effect, in a browser: a console
 * error, after the page has loaded, if a `<totp-generator>` there is still unregistered (unregistered-warning.ts).
 */
import { warnWhenUnregistered } from './unregistered-warning.js';

export { TotpGenerator } from './totp-generator.js';
export type {
  TotpCopyDetail,
  TotpCopyEvent,
  TotpEnrollDetail,
  TotpEnrollEvent,
  TotpErrorDetail,
  TotpErrorEvent,
  TotpGeneratorEventMap,
  TotpVerifyDetail,
  TotpVerifyEvent,
} from './events.js';
export { systemClock, type Clock } from './step-clock.js';
export { en, type TotpGeneratorStrings } from './strings.js';

warnWhenUnregistered();
