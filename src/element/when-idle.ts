/**
 * Deferring work that nothing on screen needs, so that it never delays a frame.
 */

/** The longest wait for an idle moment: a busy page (or a throttled background tab) still gets the work done. */
const IDLE_WAIT_LIMIT_MS = 100;

/**
 * Resolves when the browser is next idle — after the frame it is about to draw — or after 100 ms at the latest.
 * Where `requestIdleCallback` is missing (Safari), after the current task and its frame's chance to run.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_LIMIT_MS });
    else setTimeout(resolve);
  });
}
