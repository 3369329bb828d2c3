// The core as src/element sees it in the breakdown build: everything re-exported, the stages timed.
import { createEnrollment as createEnrollmentUntimed, generateCode as generateCodeUntimed, qrSvg as qrSvgUntimed } from '../../src/core/index.js';
import { timed } from './timed.js';

export * from '../../src/core/index.js';
export const createEnrollment = timed('enrollment (parameters, secret, URI, QR)', createEnrollmentUntimed);
export const generateCode = timed('HMAC: the code (WebCrypto, call → result)', generateCodeUntimed);
export const qrSvg = timed('QR: SVG markup', qrSvgUntimed);
