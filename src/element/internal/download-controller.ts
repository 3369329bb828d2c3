/**
 * Downloading the QR code as a PNG or SVG file (and other files, such as the recovery codes) through an object URL,
 * and revoking that URL.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { qrPng, type Enrollment, type TotpParameters } from '../../core/index.js';
import type { EnrollmentController } from './enrollment-controller.js';

export type DownloadType = 'png' | 'svg';

type Named = Pick<TotpParameters, 'issuer' | 'accountName'>;

/** `Issuer-account-totp.png`, with anything a file system might refuse replaced by `_`. */
export function downloadName(parameters: Named, type: DownloadType): string {
  return fileName(parameters, `totp.${type}`);
}

/** `Issuer-account-<suffix>`, with anything a file system might refuse replaced by `_`. */
export function fileName({ issuer, accountName }: Named, suffix: string): string {
  return `${[issuer, accountName].filter(Boolean).join('-').replace(/[^\w.@-]+/g, '_')}-${suffix}`;
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
    this._save(new Blob([body as BlobPart], { type: type === 'png' ? 'image/png' : 'image/svg+xml' }), downloadName(enrollment.parameters, type));
  }

  /** Saves `text` as a UTF-8 text file named `Issuer-account-<suffix>`. */
  saveText(text: string, parameters: Named, suffix: string): void {
    this._save(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName(parameters, suffix));
  }

  hostDisconnected(): void {
    this._revoke();
  }

  private _save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    // Firefox reads the object URL after the click returns, so it stays valid until the next download or until the
    // element is removed: at most one at a time, and no timer to clean up.
    this._revoke();
    this._url = url;
  }

  private _revoke(): void {
    if (this._url) URL.revokeObjectURL(this._url);
    this._url = undefined;
  }
}
