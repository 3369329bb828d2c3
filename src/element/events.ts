/**
 * The events `<totp-generator>` fires. One policy for all: they bubble and are composed, so a listener on the
 * element, on its form or on `document` hears them, even when the element sits inside another shadow root.
 */
import type { Algorithm } from '../core/index.js';

/** A new enrollment is shown: a new secret, or new parameters for the same secret. */
export interface TotpEnrollDetail {
  readonly secret: string;
  readonly uri: string;
  /** The QR code as a `data:image/png;base64,…` URI, as the hosted API's `qr_code`. */
  readonly qr_code: string;
  readonly current_code: string;
  readonly issuer: string;
  readonly accountName: string;
  readonly digits: number;
  readonly period: number;
  readonly algorithm: Algorithm;
  /** With `recovery-codes` only: the enrollment's recovery codes (`7KQM-D2XH-9PWB`), shown once the app is set up. */
  readonly recovery_codes?: readonly string[];
}

/** The user checked a code: `offset` is the matching step relative to now (-1, 0, 1), or `null` when invalid. */
export interface TotpVerifyDetail {
  readonly valid: boolean;
  readonly offset: number | null;
}

export interface TotpCopyDetail {
  readonly what: 'secret' | 'uri' | 'code' | 'recovery-codes';
}

/** `field` is the attribute at fault (`digits`, `account-name`, …), `crypto` in an insecure context, or `unknown` when WebCrypto failed. */
export interface TotpErrorDetail {
  readonly field: string;
  readonly message: string;
}

export type TotpEnrollEvent = CustomEvent<TotpEnrollDetail>;
export type TotpVerifyEvent = CustomEvent<TotpVerifyDetail>;
export type TotpCopyEvent = CustomEvent<TotpCopyDetail>;
export type TotpErrorEvent = CustomEvent<TotpErrorDetail>;

export interface TotpGeneratorEventMap {
  'totp-enroll': TotpEnrollEvent;
  'totp-verify': TotpVerifyEvent;
  'totp-copy': TotpCopyEvent;
  'totp-error': TotpErrorEvent;
}

// The same events in the DOM's event maps (typed `addEventListener`), generated from custom-elements.json.
export type {} from './event-map.js';
