/**
 * What the popup says after reading the page or a pasted key: one key to show, several to choose from, or exactly
 * one reason why there is nothing to show. Pure functions of the texts read, so every case is testable without a
 * browser; popup.ts turns the outcome into words.
 */
import { createEnrollment, parseKeyUri, TotpParameterError, type Enrollment, type TotpParametersInput } from '../core/index.js';
import type { PageScan } from './qr-scan.js';

/** A key found, as an enrollment the popup can show (QR again, codes) and a name to list it by. */
export interface FoundKey {
  readonly enrollment: Enrollment;
  /** "Issuer — account", or the account alone. */
  readonly name: string;
}

/** What a QR code that is not a Key URI holds, cut to at most {@link PREVIEW_MAX} characters. Never opened. */
export interface ForeignText {
  readonly kind: 'link' | 'text';
  readonly preview: string;
}

export type ReadOutcome =
  | { readonly kind: 'found'; readonly key: FoundKey }
  | { readonly kind: 'choose'; readonly keys: readonly FoundKey[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'cut-off' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'foreign'; readonly what: ForeignText }
  | { readonly kind: 'hotp' }
  | { readonly kind: 'migration' }
  | { readonly kind: 'invalid'; readonly error: TotpParameterError };

export const PREVIEW_MAX = 80;

/** The outcome of reading the page: every usable key, or else the most telling reason why there is none. */
export function pageOutcome(scan: PageScan): ReadOutcome {
  if (scan.texts.length === 0) return { kind: scan.unread === 'edge' ? 'cut-off' : scan.unread === 'unreadable' ? 'unreadable' : 'none' };
  const outcomes = scan.texts.map((text) => keyUriOutcome(text));
  const keys = outcomes.flatMap((outcome) => (outcome.kind === 'found' ? [outcome.key] : []));
  if (keys.length === 1) return { kind: 'found', key: keys[0]! };
  if (keys.length > 1) return { kind: 'choose', keys };
  // No usable key: a refused otpauth URI says more about the page than a link next to it.
  return outcomes.find((outcome) => outcome.kind !== 'foreign') ?? outcomes[0]!;
}

/**
 * The outcome of a pasted text: an otpauth URI, or a bare Base32 secret that takes the popup's settings
 * (`settings`: issuer, account name, digits, period, algorithm from the popup's form).
 */
export function pastedOutcome(text: string, settings: TotpParametersInput): ReadOutcome {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  // A scheme means a URI; anything else is taken for a secret (Base32 has no colon).
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return keyUriOutcome(trimmed);
  try {
    return { kind: 'found', key: foundKey(createEnrollment({ ...settings, secret: trimmed })) };
  } catch (error) {
    return refusal(error);
  }
}

/** One text as a key, or why it is not one. */
export function keyUriOutcome(text: string): ReadOutcome {
  const trimmed = text.trim();
  if (!/^otpauth(-migration)?:/i.test(trimmed)) return { kind: 'foreign', what: foreignText(trimmed) };
  try {
    const { parameters, secret } = parseKeyUri(trimmed);
    return { kind: 'found', key: foundKey(createEnrollment({ ...parameters, secret: secret.base32 })) };
  } catch (error) {
    return refusal(error);
  }
}

/** A text that is not a Key URI, for saying what it is: whether it is a link, and at most 80 characters of it. */
export function foreignText(text: string): ForeignText {
  // Control characters (a QR code may hold any bytes) are shown as spaces; nothing is interpreted.
  const flat = text.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  const characters = [...flat];
  const preview = characters.length > PREVIEW_MAX ? `${characters.slice(0, PREVIEW_MAX - 1).join('')}…` : flat;
  // A link is something a browser or app would open: scheme://…, or mailto:, tel:, sms:, geo:. (WIFI:… is text.)
  return { kind: /^([a-z][a-z0-9+.-]*:\/\/|(mailto|tel|sms|geo):)\S/i.test(flat) ? 'link' : 'text', preview };
}

function foundKey(enrollment: Enrollment): FoundKey {
  const { issuer, accountName } = enrollment.parameters;
  return { enrollment, name: issuer ? `${issuer} — ${accountName}` : accountName };
}

/** Why a text that looked like a Key URI is refused (hotp, migration, invalid), as Read says it; also used by import. */
export function refusal(error: unknown): ReadOutcome {
  if (!(error instanceof TotpParameterError)) throw error;
  if (error.field === 'type' && String(error.value).toLowerCase() === 'hotp') return { kind: 'hotp' };
  if (error.field === 'uri' && /^otpauth-migration:/i.test(String(error.value))) return { kind: 'migration' };
  return { kind: 'invalid', error };
}
