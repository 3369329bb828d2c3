/**
 * The countdown bar under a code: the browser animates it (Web Animations, never a `style` attribute, which a strict
 * CSP without 'unsafe-inline' blocks), so nothing ticks every frame. Restart it at each step and whenever the time
 * may have jumped. The same animation as `<totp-generator>`'s `_syncBar` (to be one piece once the element's
 * controllers are split out).
 */
import { millisecondsUntilNextStep } from '../core/index.js';

/** Starts `bar` shrinking from full to empty over each `period`, at the point of the step `now` is in. */
export function animateCountdown(bar: Element, period: number, now: number): Animation {
  const stepMs = period * 1000;
  const animation = bar.animate([{ transform: 'scaleX(1)' }, { transform: 'scaleX(0)' }], {
    duration: stepMs,
    iterations: Infinity,
    easing: matchMedia('(prefers-reduced-motion: reduce)').matches ? `steps(${period})` : 'linear',
  });
  animation.currentTime = stepMs - millisecondsUntilNextStep(period, now);
  return animation;
}
