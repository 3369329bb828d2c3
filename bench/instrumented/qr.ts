// src/core/qr.ts as src/core/enrollment.ts sees it in the breakdown build: the matrix timed.
import { qrMatrix as qrMatrixUntimed } from '../../src/core/qr.js';
import { timed } from './timed.js';

export * from '../../src/core/qr.js';
export const qrMatrix = timed('QR: matrix (qr)', qrMatrixUntimed);
