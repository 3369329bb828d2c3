/**
 * The DOM-free core: parameters, secrets, Key URIs, codes and QR codes for TOTP enrollment.
 * Runs in browsers, Web Workers and Node ≥ 20; its only platform needs are WebCrypto and CompressionStream.
 */
export { TotpParameterError } from './errors.js';
export {
  ALGORITHMS,
  DIGITS,
  PERIOD_MIN,
  PERIOD_MAX,
  DEFAULT_PARAMETERS,
  parseParameters,
  hasCustomSettings,
  type Algorithm,
  type Digits,
  type TotpParameters,
  type TotpParametersInput,
} from './parameters.js';
export {
  SECRET_BYTES_MIN,
  SECRET_BYTES_MAX,
  STRONG_SECRET_BYTES,
  defaultSecretBytes,
  generateSecret,
  parseSecret,
  encodeBase32,
  type Secret,
} from './secret.js';
export { buildKeyUri } from './uri.js';
export {
  VERIFY_WINDOW_MAX,
  timeStep,
  millisecondsUntilNextStep,
  secondsRemaining,
  generateCode,
  verifyCode,
  webCryptoHmac,
  type CodeImplementation,
  type CodeOptions,
  type Hmac,
  type Verification,
} from './codes.js';
export { QR_ERROR_CORRECTION, QR_BYTE_CAPACITY, QR_CAPACITY_BYTES, QR_QUIET_ZONE, qrMatrix, qrSvg, type QrMatrix } from './qr.js';
export { qrPng, qrPngDataUri, type Deflate, type PngOptions } from './png.js';
export { compatibilityProblems, FULLY_COMPATIBLE_APPS, type AppProblem, type Effect, type Setting } from './compatibility.js';
export { createEnrollment, type Enrollment, type EnrollmentOptions } from './enrollment.js';
export { generateHostedApiResult, toHostedApiResult, HOSTED_API_PARAMETERS, type HostedApiResult, type HostedApiOptions } from './hosted-api.js';
