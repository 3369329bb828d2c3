/**
 * Work done once per time step, for the popup's views that show live codes (the read view, a saved account's line,
 * the time-window lab): their codes change only at a step boundary and are computed asynchronously (WebCrypto). One
 * place that remembers the step last started and drops a result that a later run, or a reset, has overtaken — so a
 * slow HMAC for an old key or an old step never lands on the view.
 */
import { timeStep } from '../core/index.js';

export class OncePerStep {
  private _step = NaN;
  private _run = 0;

  /** Forgets the step and anything under way: the next {@link run} computes again (a new key, a new clock). */
  reset(): void {
    this._step = NaN;
    this._run++;
  }

  /**
   * `compute()`'s result for `now`'s step of `period` seconds; undefined when that step was already started, or when a
   * later run or a reset overtook this one before it finished.
   */
  async run<T>(period: number, now: number, compute: () => Promise<T>): Promise<T | undefined> {
    const step = timeStep(period, now);
    if (step === this._step) return undefined;
    this._step = step;
    const run = ++this._run;
    const result = await compute();
    return run === this._run ? result : undefined;
  }
}
