/**
 * The QR code of a Key URI, as a module matrix, and the SVG drawn from it.
 *
 * Error correction is level M (15 % of the symbol can be lost): a QR shown on a screen or printed on paper is
 * scanned in good light, so level M keeps the symbol small, with larger modules that cameras lock onto from further
 * away, where Q or H would make a long URI's modules denser for damage that a screen does not suffer.
 */
import encodeQR from 'qr';
import { TotpParameterError } from './errors.js';

export const QR_ERROR_CORRECTION = 'M';
/**
 * Bytes a symbol of each version (1 to 40) holds at level M in byte mode (ISO/IEC 18004, table 7). The encoder picks
 * the smallest version itself; the table says in advance whether a URI fits at all, and which version it will take.
 */
export const QR_BYTE_CAPACITY = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190,
  1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
] as const;
/** Bytes a version-40 symbol at level M holds in byte mode: the longest URI we can encode. */
export const QR_CAPACITY_BYTES = QR_BYTE_CAPACITY[39];
/** Blank modules around the symbol, as ISO/IEC 18004 requires. */
export const QR_QUIET_ZONE = 4;

/** The dark/light modules of a QR symbol, row by row, without the quiet zone. */
export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** `size * size` entries, row-major: 1 for dark. */
  readonly modules: Uint8Array;
}

/**
 * Encodes `text` (UTF-8; a Key URI is percent-encoded ASCII) in byte mode at level M, in the smallest version that holds it.
 *
 * @throws {TotpParameterError} (field `uri`) when it is longer than the largest QR symbol holds.
 */
export function qrMatrix(text: string): QrMatrix {
  const bytes = utf8Length(text);
  if (bytes > QR_CAPACITY_BYTES) {
    throw new TotpParameterError('uri', `${bytes} bytes`, `at most ${QR_CAPACITY_BYTES} bytes, the capacity of the largest QR code`);
  }
  // `qr` keeps ISO/IEC 18004's penalty-scored choice of mask. It insists on a quiet zone of at least one module
  // (border 0 is refused), so ask for one and leave it out: our SVG and PNG draw their own four-module zone.
  const rows = encodeQR(text, 'raw', { ecc: 'medium', encoding: 'byte', border: 1 });
  const size = rows.length - 2;
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    const cells = rows[row + 1]!;
    for (let column = 0; column < size; column++) modules[row * size + column] = cells[column + 1] ? 1 : 0;
  }
  return { size, modules };
}

/** How a matrix is drawn in SVG: the side in modules, quiet zone included, and one path of the dark modules. */
export interface QrDrawing {
  readonly side: number;
  /** Horizontal runs of dark modules, in module units, offset by the quiet zone. */
  readonly path: string;
}

/** The drawing of `matrix`: one path of horizontal runs, the compact form that `qrSvg` and the element both show. */
export function qrDrawing(matrix: QrMatrix, quietZone: number = QR_QUIET_ZONE): QrDrawing {
  const { size, modules } = matrix;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; ) {
      if (!modules[row * size + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && modules[row * size + column]) column++;
      path += `M${start + quietZone} ${row + quietZone}h${column - start}v1h${start - column}z`;
    }
  }
  return { side: size + 2 * quietZone, path };
}

/**
 * A compact SVG file of the matrix, in module units with the quiet zone included, so it scales crisply to any size
 * (`shape-rendering: crispEdges` keeps module edges sharp). The element renders the same drawing with a Lit template
 * (`qrImage` in src/element/internal/templates.ts); this is the text for files and downloads.
 *
 * @param title An accessible name for the image, written escaped.
 */
export function qrSvg(matrix: QrMatrix, { title = 'QR code', quietZone = QR_QUIET_ZONE } = {}): string {
  const { side, path } = qrDrawing(matrix, quietZone);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

function utf8Length(text: string): number {
  // A Key URI is ASCII, so the common case needs no encoding at all.
  return /^[ -~]*$/.test(text) ? text.length : new TextEncoder().encode(text).length;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
