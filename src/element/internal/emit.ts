/**
 * How the element fires its events: one policy for all of them, so no event can differ by accident.
 */
import type { TotpGeneratorEventMap } from '../events.js';

/** Fires `type` on `target`: it bubbles and is composed, so listeners on a form, a host page or `document` hear it. */
export function emit<K extends keyof TotpGeneratorEventMap>(target: EventTarget, type: K, detail: TotpGeneratorEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
