/**
 * Downloading the QR code as a PNG or SVG file through an object URL, and revoking that URL.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { qrPng, type Enrollment, type TotpParameters } from '../../core/index.js';
import type { EnrollmentController } from './enrollment-controller.js';

export type DownloadType = 'png' | 'svg';

/** `Issuer-account-totp.png`, with anything a file system might refuse replaced by `_`. */
export function downloadName({ issuer, accountName }: Pick<TotpParameters, 'issuer' | 'accountName'>, type: DownloadType): string {
  return `${[issuer, accountName].filter(Boolean).join('-').replace(/[^\w.@-]+/g, '_')}-totp.${type}`;
}

export class DownloadController implements ReactiveController {
  private _url: string | undefined;

  constructor(
    host: ReactiveElement,
    /** Where a failure to make the PNG (compression) is shown. */
    private readonly _shown: Pick<EnrollmentController, 'failFor'>,
  ) {
    host.addController(this);
  }

  /** Saves `enrollment`'s QR code: a PNG at 8 pixels a module, or `svgMarkup` as it is shown. */
  async save(enrollment: Enrollment, type: DownloadType, svgMarkup: () => string): Promise<void> {
    let body: Uint8Array | string;
    try {
      body = type === 'png' ? await qrPng(enrollment.qr, { scale: 8 }) : svgMarkup();
    } catch (error) {
      return this._shown.failFor(enrollment, error);
    }
    const url = URL.createObjectURL(new Blob([body as BlobPart], { type: type === 'png' ? 'image/png' : 'image/svg+xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(enrollment.parameters, type);
    link.click();
    // Firefox reads the object URL after the click returns, so it stays valid until the next download or until the
    // element is removed: at most one at a time, and no timer to clean up.
    this._revoke();
    this._url = url;
  }

  hostDisconnected(): void {
    this._revoke();
  }

  private _revoke(): void {
    if (this._url) URL.revokeObjectURL(this._url);
    this._url = undefined;
  }
}
