// Reading QR codes that are not PNG files — a grid of modules, the terminal drawing — with jsQR, as a camera would.
import jsQR from 'jsqr';

/** jsQR on a grid of light/dark modules, drawn 4 px a module in black and white. */
export function readModules(light: boolean[][]): string {
  const scale = 4;
  const height = light.length * scale;
  const width = Math.max(...light.map((row) => row.length)) * scale;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = light[Math.floor(y / scale)]![Math.floor(x / scale)] === false ? 0 : 255;
      rgba.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  const result = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  if (!result) throw new Error('jsQR found no QR code');
  return result.data;
}

/**
 * The terminal drawing read back as a person's phone would see it on a dark terminal: the glyphs' ink is light, the
 * blank is dark. Each character is two modules, top and bottom.
 */
export function readTerminalQr(text: string): string {
  // eslint-disable-next-line no-control-regex -- strip ANSI colour codes.
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => /[█▀▄]/.test(line));
  const rows: boolean[][] = [];
  for (const line of lines) {
    const glyphs = [...line];
    rows.push(glyphs.map((glyph) => glyph === '█' || glyph === '▀'));
    rows.push(glyphs.map((glyph) => glyph === '█' || glyph === '▄'));
  }
  return readModules(rows);
}
