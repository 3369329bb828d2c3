/// <reference types="chrome" />
/**
 * The visible part of the active tab as RGBA pixels, for the QR decoder.
 *
 * `tabs.captureVisibleTab` needs no host permission here: the click on the toolbar button (or a shortcut) grants
 * `activeTab`, which covers capturing that tab (Chrome; Firefox from 126 on). The browser refuses its own pages, the
 * extension stores and, without file access, `file://` pages; the promise then rejects.
 *
 * PNG, not JPEG: compression artefacts around small modules cost reads. The data URL is decoded in memory (no fetch,
 * not even of a `data:` URL) and the pixels leave this function only for the decoder.
 */
export async function captureVisibleArea(): Promise<ImageData> {
  const dataUrl = await chrome.tabs.captureVisibleTab(chrome.windows.WINDOW_ID_CURRENT, { format: 'png' });
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
