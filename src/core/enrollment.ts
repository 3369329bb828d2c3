/**
 * An enrollment: everything an authenticator app needs, built from validated parameters and a secret.
 */
import type { CodeOptions } from './codes.js';
import { parseParameters, type TotpParameters, type TotpParametersInput } from './parameters.js';
import { qrMatrix, QR_CAPACITY_BYTES, type QrMatrix } from './qr.js';
import { generateSecret, parseSecret, type Secret } from './secret.js';
import { buildKeyUri } from './uri.js';
import { TotpParameterError } from './errors.js';

export interface EnrollmentOptions extends TotpParametersInput {
  /** An existing Base32 secret to enroll instead of generating one. */
  secret?: string | null | undefined;
  /** Length of a generated secret, 16 to 64 bytes; defaults to the algorithm's HMAC output size. */
  secretBytes?: number | undefined;
}

export interface Enrollment {
  readonly parameters: TotpParameters;
  readonly secret: Secret;
  /** The otpauth:// Key URI. */
  readonly uri: string;
  /** The QR symbol of `uri`. */
  readonly qr: QrMatrix;
  /** What {@link generateCode} and {@link verifyCode} need. */
  readonly codeOptions: CodeOptions;
}

/**
 * Validates the parameters, takes or generates the secret, and builds the URI and its QR matrix. Synchronous, so a
 * UI can paint the QR at once; codes (WebCrypto) and the PNG (compression) are the asynchronous parts.
 *
 * @throws {TotpParameterError} naming the first invalid field; nothing is generated then.
 */
export function createEnrollment(options: EnrollmentOptions): Enrollment {
  const parameters = parseParameters(options);
  const secret = options.secret != null && options.secret !== '' ? parseSecret(options.secret) : generateSecret(parameters.algorithm, options.secretBytes);
  const uri = buildKeyUri(parameters, secret.base32);
  if (uri.length > QR_CAPACITY_BYTES) {
    // Name the label part that made it too long, since that is what the person has to shorten.
    const field = parameters.accountName.length >= parameters.issuer.length ? 'accountName' : 'issuer';
    throw new TotpParameterError(
      field,
      options[field],
      `an issuer and account name short enough for a QR code (the URI may be at most ${QR_CAPACITY_BYTES} bytes once percent-encoded)`,
      `makes the URI ${uri.length} bytes long`,
    );
  }
  return {
    parameters,
    secret,
    uri,
    qr: qrMatrix(uri),
    codeOptions: { secret: secret.bytes, digits: parameters.digits, period: parameters.period, algorithm: parameters.algorithm },
  };
}
