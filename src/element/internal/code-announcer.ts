/**
 * "Read code": the polite live region that says the current code and the seconds left, only when the user asks.
 * New codes are never announced by themselves (every 30 seconds would drown a screen reader).
 */
import type { ReactiveElement } from 'lit';
import { secondsRemaining } from '../../core/index.js';
import type { TotpGeneratorStrings } from '../strings.js';
import type { EnrollmentController } from './enrollment-controller.js';

export class CodeAnnouncer {
  private _announcement = '';

  constructor(
    private readonly _host: ReactiveElement,
    private readonly _shown: Pick<EnrollmentController, 'enrollment' | 'code'>,
    private readonly _clock: { now(): number },
  ) {}

  /** The text of the live region. */
  get announcement(): string {
    return this._announcement;
  }

  /** Says the current code and the seconds it has left; nothing while there is no code. */
  announce(strings: TotpGeneratorStrings): void {
    const { enrollment, code } = this._shown;
    if (!enrollment || !code) return;
    // Digits spaced out so that screen readers say "1 2 3" rather than "one hundred twenty-three".
    this._announcement = strings.codeAnnouncement(code.split('').join(' '), secondsRemaining(enrollment.parameters.period, this._clock.now()));
    this._host.requestUpdate();
  }

  /** The code changed: the last announcement described the old one. */
  reset(): void {
    this._announcement = '';
    this._host.requestUpdate();
  }
}
