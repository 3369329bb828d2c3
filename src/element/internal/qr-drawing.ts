/**
 * The QR code's drawing, made once per enrollment: a re-render (every tick of the code) does not redraw it.
 */
import { qrDrawing, type Enrollment, type QrDrawing } from '../../core/index.js';

export class QrDrawingMemo {
  private _uri = '';
  private _drawing: QrDrawing = { side: 0, path: '' };

  /** The drawing of `enrollment`'s QR code. */
  drawing(enrollment: Enrollment): QrDrawing {
    if (enrollment.uri !== this._uri) {
      this._drawing = qrDrawing(enrollment.qr);
      this._uri = enrollment.uri;
    }
    return this._drawing;
  }
}
