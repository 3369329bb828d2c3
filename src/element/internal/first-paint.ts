/**
 * When the element paints: the first frame of an enrollment holds everything the user looks at (QR code and current
 * code together), and work that nothing on screen needs waits until after that frame.
 */
import { whenIdle } from '../when-idle.js';

/** Something a render depends on that may need (asynchronous) preparing first. */
export interface RenderPreparation {
  /** An input changed since the last preparation. */
  readonly stale: boolean;
  /** Prepares for the current inputs; resolves (never rejects) when what the render needs is ready. */
  prepare(): Promise<unknown>;
}

/**
 * For a host's `scheduleUpdate`: resolves once `preparation` is up to date, preparing again for inputs that changed
 * meanwhile. Holding the render this long (one WebCrypto HMAC, about a millisecond) means QR and code reach the
 * screen in the same frame, with no frame drawn, laid out and replaced in between.
 */
export async function preparedForRender(preparation: RenderPreparation): Promise<void> {
  while (preparation.stale) await preparation.prepare();
}

/**
 * Resolves once the host's pending render is committed and the browser is next idle after painting it (100 ms at
 * the latest): the moment for work, such as compressing a PNG, that must never delay that frame.
 */
export async function afterPaintWhenIdle(host: { readonly updateComplete: Promise<unknown> }): Promise<void> {
  await host.updateComplete;
  await whenIdle();
}
