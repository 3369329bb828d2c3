/**
 * Where a QR code is, even when it cannot be read: its finder patterns, the three 7 × 7 squares in its corners.
 *
 * The decoder needs all three and the data between them; when the page shows a QR code only in part (scrolled half
 * out of view), it finds nothing and says nothing. These squares are what tells "no QR code here" apart from "a QR
 * code cut off at the edge", so that the popup can ask for a scroll rather than say there is none.
 *
 * A finder pattern crossed by a line through its centre reads dark, light, dark, light, dark in widths 1 : 1 : 3 :
 * 1 : 1 (ISO/IEC 18004 §6.3.3), horizontally and vertically alike. Rows are scanned for that ratio and each hit
 * is confirmed along its column; hits on several rows of the same square are merged.
 */

/** RGBA pixels, as `ImageData` and the decoder have them. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface FinderPattern {
  /** Centre, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Width of one module, in pixels. */
  readonly moduleSize: number;
}

/** Smaller modules are noise (anti-aliased text) rather than a QR code anyone could scan. */
const MIN_MODULE_PX = 1.5;
/**
 * A finder's 3-module centre is crossed by about 3 × moduleSize rows that all fit the ratio; a chance arrangement of
 * data modules or letters fits on a few rows only. So at least 2 × moduleSize rows, and never fewer than this.
 */
const MIN_ROW_HITS = 3;

/** The finder patterns of every QR code in `image`, read or not. Dark is luma below the middle grey. */
export function findFinderPatterns(image: RgbaImage): FinderPattern[] {
  const dark = darkMask(image);
  const found: { x: number; y: number; moduleSize: number; hits: number }[] = [];
  const runs: number[] = [];
  for (let y = 0; y < image.height; y++) {
    runs.length = 0;
    const row = y * image.width;
    let x = 0;
    // Runs of the row, starting with a light one (possibly empty) so that dark runs sit at odd indexes.
    let color = 0;
    while (x < image.width) {
      let length = 0;
      while (x < image.width && dark[row + x] === color) {
        x++;
        length++;
      }
      runs.push(length);
      color ^= 1;
    }
    let start = 0;
    for (let index = 0; index + 5 <= runs.length; index++) {
      const window = [runs[index]!, runs[index + 1]!, runs[index + 2]!, runs[index + 3]!, runs[index + 4]!];
      const dark0 = index % 2 === 1;
      if (dark0) {
        const moduleSize = fitsRatio(window);
        if (moduleSize !== undefined) {
          const centreX = Math.floor(start + window[0] + window[1] + window[2] / 2);
          const centreY = verticalCentre(dark, image, centreX, y, moduleSize);
          if (centreY !== undefined) merge(found, centreX, centreY, moduleSize);
        }
      }
      start += runs[index]!;
    }
  }
  return found.filter((each) => each.hits >= Math.max(MIN_ROW_HITS, 2 * each.moduleSize)).map(({ x, y, moduleSize }) => ({ x, y, moduleSize }));
}

/**
 * True when a QR code seems to reach past the edge of `image`: a finder pattern closer to an edge than the smallest
 * QR code that could hold a Key URI is wide (version 4, 33 modules, with room for its quiet zone).
 */
export function qrCodeAtEdge(image: RgbaImage, patterns: readonly FinderPattern[]): boolean {
  return patterns.some(({ x, y, moduleSize }) => {
    const reach = 37 * moduleSize;
    return x < reach || y < reach || image.width - x < reach || image.height - y < reach;
  });
}

function darkMask({ width, height, data }: RgbaImage): Uint8Array {
  const dark = new Uint8Array(width * height);
  for (let pixel = 0, offset = 0; pixel < dark.length; pixel++, offset += 4) {
    // Rec. 601 luma in integers; transparent pixels count as the white a page is drawn on.
    const luma = (data[offset]! * 299 + data[offset + 1]! * 587 + data[offset + 2]! * 114) / 1000;
    dark[pixel] = data[offset + 3]! > 127 && luma < 128 ? 1 : 0;
  }
  return dark;
}

/** The module size if five runs are 1 : 1 : 3 : 1 : 1 within half a module each (the centre within 1.5), else undefined. */
function fitsRatio(runs: readonly number[]): number | undefined {
  const total = runs.reduce((sum, run) => sum + run, 0);
  const moduleSize = total / 7;
  if (moduleSize < MIN_MODULE_PX) return undefined;
  const tolerance = moduleSize / 2;
  const expected = [1, 1, 3, 1, 1];
  for (let index = 0; index < 5; index++) {
    if (Math.abs(runs[index]! - expected[index]! * moduleSize) > (index === 2 ? 3 : 1) * tolerance) return undefined;
  }
  return moduleSize;
}

/** The centre row of the same 1 : 1 : 3 : 1 : 1 pattern up and down column `x` from `y`, or undefined if it is not there. */
function verticalCentre(dark: Uint8Array, { width, height }: RgbaImage, x: number, y: number, moduleSize: number): number | undefined {
  if (!dark[y * width + x]) return undefined;
  const at = (row: number) => row >= 0 && row < height && dark[row * width + x] === 1;
  const walk = (step: 1 | -1) => {
    const lengths = [0, 0, 0];
    let row = y;
    for (let segment = 0; segment < 3; segment++) {
      const wanted = segment % 2 === 0;
      // Each run may be at most the centre's 3 modules plus slack; longer means a bar, not a finder.
      while (row >= 0 && row < height && at(row) === wanted && lengths[segment]! <= 5 * moduleSize) {
        lengths[segment]!++;
        row += step;
      }
    }
    return lengths;
  };
  const [upCentre, upLight, upDark] = walk(-1);
  const [downCentre, downLight, downDark] = walk(1);
  const centre = upCentre! + downCentre! - 1;
  const vertical = fitsRatio([upDark!, upLight!, centre, downLight!, downDark!]);
  if (vertical === undefined || Math.abs(vertical - moduleSize) > moduleSize / 2) return undefined;
  return y - upCentre! + 1 + centre / 2;
}

/** Counts a hit on a square already found (within two modules of it) or adds a new one. */
function merge(found: { x: number; y: number; moduleSize: number; hits: number }[], x: number, y: number, moduleSize: number): void {
  const same = found.find((each) => Math.abs(each.x - x) < 2 * moduleSize && Math.abs(each.y - y) < 2 * moduleSize);
  if (!same) {
    found.push({ x, y, moduleSize, hits: 1 });
    return;
  }
  same.x = (same.x * same.hits + x) / (same.hits + 1);
  same.y = (same.y * same.hits + y) / (same.hits + 1);
  same.moduleSize = (same.moduleSize * same.hits + moduleSize) / (same.hits + 1);
  same.hits++;
}
