/**
 * The element's clock: one timer aimed at the next step boundary (when the code changes), never polling.
 *
 * Timers are throttled in hidden tabs and stop while the device sleeps, so the clock also catches up the moment the
 * tab is shown again or the element is attached again, and a timer that fires late simply reports the real time. Every tick reports `now()`, so the
 * host always computes the code for the actual time, whatever the timer did.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { millisecondsUntilNextStep } from '../core/index.js';

/** Where the time comes from and how the one timer is set: the platform's by default, a fake in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, milliseconds) => globalThis.setTimeout(callback, milliseconds),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class StepClockController implements ReactiveController {
  private _clock: Clock = systemClock;
  private _period = 0;
  private _timer: unknown;
  private _connected = false;

  constructor(
    host: ReactiveControllerHost,
    /** Called at every step boundary and whenever the clock catches up, with the current time. */
    private readonly _onTick: (now: number) => void,
  ) {
    host.addController(this);
  }

  get clock(): Clock {
    return this._clock;
  }

  set clock(clock: Clock) {
    this._disarm();
    this._clock = clock;
    this._arm();
  }

  now(): number {
    return this._clock.now();
  }

  /** Seconds per step; 0 (no enrollment shown) stops the timer. */
  set period(period: number) {
    if (period === this._period) return;
    this._period = period;
    this._arm();
  }

  hostConnected(): void {
    this._connected = true;
    document.addEventListener('visibilitychange', this._onVisibilityChange);
    // Re-attached (a period is already set): no timer ran while detached, and a step boundary may have passed, so
    // the time is reported now rather than at the next boundary, which would leave the old code showing until then.
    if (this._period > 0) this._tick();
    else this._arm();
  }

  hostDisconnected(): void {
    this._connected = false;
    document.removeEventListener('visibilitychange', this._onVisibilityChange);
    this._disarm();
  }

  private _arm(): void {
    this._disarm();
    if (!this._connected || this._period <= 0) return;
    this._timer = this._clock.setTimeout(this._onTimer, millisecondsUntilNextStep(this._period, this._clock.now()));
  }

  private _disarm(): void {
    if (this._timer === undefined) return;
    this._clock.clearTimeout(this._timer);
    this._timer = undefined;
  }

  private readonly _onTimer = (): void => {
    this._timer = undefined;
    this._tick();
  };

  private readonly _onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this._tick();
  };

  /** Reports the time, then aims at the boundary after it (a timer that fired early is simply re-aimed). */
  private _tick(): void {
    this._onTick(this._clock.now());
    this._arm();
  }
}
