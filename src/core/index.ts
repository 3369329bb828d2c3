/**
 * The DOM-free core: parameters, secrets, Key URIs, codes and QR codes for TOTP enrollment.
 * Runs in browsers, Web Workers and Node ≥ 20; its only platform needs are WebCrypto and CompressionStream.
 * The site's side of an enrollment — recovery codes, their hashes, sealed secrets — is here too.
 */
export { TotpParameterError, SealedSecretError, type SealedSecretProblem } from './errors.js';
export {
  ALGORITHMS,
  DIGITS,
  PERIOD_MIN,
  PERIOD_MAX,
  DEFAULT_PARAMETERS,
  LABEL_TEXT_MAX,
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
  SECRET_TEXT_MAX,
  STRONG_SECRET_BYTES,
  defaultSecretBytes,
  generateSecret,
  parseSecret,
  encodeBase32,
  type Secret,
} from './secret.js';
export { buildKeyUri } from './uri.js';
export { KEY_URI_TEXT_MAX, parseKeyUri, type ParsedKeyUri } from './parse-uri.js';
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
  type VerificationFailure,
  type VerifyOptions,
} from './codes.js';
export {
  CLOCK_OFFSET_MAX,
  STEP_SEARCH_MAX,
  codesAround,
  findStep,
  parseTypedCode,
  parseClockOffset,
  type StepCode,
  type StepFinding,
  type CodesAroundOptions,
  type FindStepOptions,
} from './time-window.js';
export { QR_ERROR_CORRECTION, QR_BYTE_CAPACITY, QR_CAPACITY_BYTES, QR_QUIET_ZONE, qrDrawing, qrMatrix, qrSvg, type QrDrawing, type QrMatrix } from './qr.js';
export { qrPng, qrPngDataUri, type Deflate, type PngOptions } from './png.js';
export { compatibilityProblems, FULLY_COMPATIBLE_APPS, type AppProblem, type Effect, type Setting } from './compatibility.js';
export { createEnrollment, type Enrollment, type EnrollmentOptions } from './enrollment.js';
export { generateHostedApiResult, toHostedApiResult, HOSTED_API_PARAMETERS, HOSTED_API_EXTENSIONS, type HostedApiResult, type HostedApiOptions } from './hosted-api.js';
export {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS_PER_CHARACTER,
  RECOVERY_CODE_COUNT_MIN,
  RECOVERY_CODE_COUNT_MAX,
  RECOVERY_CODE_COUNT_DEFAULT,
  RECOVERY_CODE_COUNT_ALLOWED,
  RECOVERY_CODE_LENGTH_MIN,
  RECOVERY_CODE_LENGTH_MAX,
  RECOVERY_CODE_LENGTH_DEFAULT,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  formatRecoveryCode,
  recoveryCodesText,
  type RecoveryCodeOptions,
  type RecoveryCodesTextOptions,
} from './recovery-codes.js';
export { RECOVERY_CODE_HASH_ITERATIONS, RECOVERY_CODE_HASH_ITERATIONS_MAX, hashRecoveryCode, checkRecoveryCode, findRecoveryCode } from './recovery-code-hash.js';
export { SEALED_SECRET_VERSION, importSealingKey, sealSecret, openSecret, type SealOptions } from './sealed-secret.js';
