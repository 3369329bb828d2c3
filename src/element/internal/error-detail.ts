/**
 * What the element says when it cannot show an enrollment: the `totp-error` detail, in the page author's terms.
 */
import { TotpParameterError } from '../../core/index.js';
import type { TotpErrorDetail } from '../events.js';
import type { TotpGeneratorStrings } from '../strings.js';

/** WebCrypto's `subtle` is missing: the page is not a secure context. */
export class InsecureContextError extends Error {}

/** The core names fields as its API does; the page author wrote attributes. */
const ATTRIBUTE_OF: Record<string, string> = { accountName: 'account-name', headingLevel: 'heading-level', recoveryCodes: 'recovery-codes' };

/**
 * The detail of `totp-error` (and the text shown in part `error`) for an error: an invalid attribute names the
 * attribute and what it allows; an insecure page is said in plain words; anything else (WebCrypto failing) as the
 * browser put it.
 */
export function errorDetail(error: unknown, strings: TotpGeneratorStrings): TotpErrorDetail {
  if (error instanceof TotpParameterError) {
    const field = ATTRIBUTE_OF[error.field] ?? error.field;
    return { field, message: strings.invalidAttribute(field, error.problem, error.allowed) };
  }
  if (error instanceof InsecureContextError) return { field: 'crypto', message: strings.insecureContext };
  return { field: 'unknown', message: String(error) };
}
