/**
 * The bar counting down to the next code: a Web Animation the browser runs, restarted at the right point of the
 * step after each render and each tick. No timer of its own, and no style attribute (a page's CSP without
 * 'unsafe-inline' blocks those).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { millisecondsUntilNextStep } from '../../core/index.js';
import type { ElementHolder } from './element-ref.js';

export class CountdownBarController implements ReactiveController {
  /** Put on the bar with `elementRef`. */
  readonly bar: ElementHolder<Element> = {};
  private _animation: Animation | undefined;

  constructor(
    host: ReactiveElement,
    /** The enrollment shown (only its period is read: the animation's length). */
    private readonly _shown: { readonly enrollment: { readonly parameters: { readonly period: number } } | undefined },
    private readonly _clock: { now(): number },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.sync(this._clock.now());
  }

  hostDisconnected(): void {
    this._animation?.cancel();
    this._animation = undefined;
  }

  /** Restarts the animation so that the bar is as full as the part of the step left at `now`. */
  sync(now: number): void {
    const bar = this.bar.value;
    const period = this._shown.enrollment?.parameters.period;
    // `isConnected`: the ref keeps the last bar after an error replaced it.
    if (!bar?.isConnected || !period || !bar.animate) return;
    const stepMs = period * 1000;
    this._animation?.cancel();
    this._animation = bar.animate([{ transform: 'scaleX(1)' }, { transform: 'scaleX(0)' }], {
      duration: stepMs,
      iterations: Infinity,
      // Reduced motion: the bar jumps once a second instead of gliding.
      easing: matchMedia('(prefers-reduced-motion: reduce)').matches ? `steps(${period})` : 'linear',
    });
    this._animation.currentTime = stepMs - millisecondsUntilNextStep(period, now);
  }
}
