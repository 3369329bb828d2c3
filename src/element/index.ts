/**
 * The element's public API without side effects: the class, its event types and its strings. Import `define.js`
 * (or call `customElements.define` yourself) to register the tag.
 */
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
