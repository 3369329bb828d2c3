/**
 * A QR code drawn in a terminal with Unicode half blocks: each character cell holds two modules, one above the
 * other, so the symbol keeps square modules and half the lines.
 *
 * What makes it scannable from the screen: the light modules are the ones drawn (with "ink"), and the dark modules
 * are left blank. A QR needs dark modules on a light field, quiet zone included; terminals mostly have a dark
 * background and light text, so drawing the light parts gives the right polarity there, where drawing the dark
 * parts would give an inverted code that many phone cameras do not read. Where colours are available the cells
 * also set their colours explicitly (bright white ink on black), which makes the polarity right on light themes too.
 */
import { QR_QUIET_ZONE, type QrMatrix } from '../core/index.js';

/** Top light, bottom light, both, neither. */
const UPPER_HALF = '▀';
const LOWER_HALF = '▄';
const FULL = '█';
const EMPTY = ' ';

// Bright white foreground (the light modules) on a black background (the dark modules), then reset at each line's end
// so that the colours never bleed into the rest of the terminal.
const COLOURS = '\x1b[97;40m';
const RESET = '\x1b[0m';

export interface TerminalQrOptions {
  /** Set the colours explicitly with ANSI escapes (for terminals that show colours). */
  colour?: boolean;
  /** Light modules around the symbol; 4 is what the QR standard asks for. */
  quietZone?: number;
}

/** The QR symbol as lines of half-block characters, each ending with a newline. */
export function terminalQr(matrix: QrMatrix, { colour = false, quietZone = QR_QUIET_ZONE }: TerminalQrOptions = {}): string {
  const side = matrix.size + 2 * quietZone;
  const light = (row: number, column: number): boolean => {
    // Past the bottom edge (an odd number of rows leaves half a line) nothing is drawn: it is outside the symbol.
    if (row >= side) return false;
    const r = row - quietZone;
    const c = column - quietZone;
    const inside = r >= 0 && r < matrix.size && c >= 0 && c < matrix.size;
    return !inside || matrix.modules[r * matrix.size + c] === 0;
  };
  let text = '';
  for (let row = 0; row < side; row += 2) {
    let line = '';
    for (let column = 0; column < side; column++) {
      const top = light(row, column);
      const bottom = light(row + 1, column);
      line += top ? (bottom ? FULL : UPPER_HALF) : bottom ? LOWER_HALF : EMPTY;
    }
    text += colour ? `${COLOURS}${line}${RESET}\n` : `${line}\n`;
  }
  return text;
}
