/**
 * The QR code's SVG markup, made once per enrollment and title: rendering and the SVG download share it, and a
 * re-render (every tick of the code) does not rebuild it.
 */
import { qrSvg, type Enrollment } from '../../core/index.js';

export class QrSvgMemo {
  private _key = '';
  private _markup = '';

  /** The SVG of `enrollment`'s QR code, with `title` as its accessible name. */
  markup(enrollment: Enrollment, title: string): string {
    const key = `${enrollment.uri}\n${title}`;
    if (key !== this._key) {
      this._markup = qrSvg(enrollment.qr, { title });
      this._key = key;
    }
    return this._markup;
  }
}
