/**
 * Every QR code in a screenshot of the page. Loaded by popup.ts with a dynamic `import()` only when the user asks
 * to read the page, so the decoder (the `qr` package's reader, about 100 kB) is a chunk of its own that opening the
 * popup never fetches.
 *
 * `decodeQR` stops at the first code; `decodeQRBatch` runs the same scanner again after each success with the
 * regions already decoded masked out, until a pass finds nothing — so it returns every code, each once.
 */
import { decodeQRBatch } from 'qr/decode.js';
import { findFinderPatterns, qrCodeAtEdge, type RgbaImage } from './finder-patterns.js';

export interface PageScan {
  /** The text of each QR code read, in the decoder's order, each distinct text once. */
  readonly texts: string[];
  /**
   * Nothing was read, yet something on the image looks like a QR code: `edge` when it reaches the edge (scrolled
   * partly out of view), `unreadable` when it is in full view (too small, blurred or damaged). Else `undefined`.
   */
  readonly unread: 'edge' | 'unreadable' | undefined;
}

export async function scanQrCodes(image: RgbaImage): Promise<PageScan> {
  const [results = []] = await decodeQRBatch([image], {
    maxSize: { width: image.width, height: image.height },
    // A still screenshot, not a video frame: allow the decoder's retries more than its default one-frame budget.
    timeLimit: 250,
  });
  const texts = [...new Set(results.filter((result): result is string => typeof result === 'string'))];
  if (texts.length > 0) return { texts, unread: undefined };
  const patterns = findFinderPatterns(image);
  if (patterns.length === 0) return { texts, unread: undefined };
  return { texts, unread: qrCodeAtEdge(image, patterns) ? 'edge' : 'unreadable' };
}
