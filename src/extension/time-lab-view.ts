/**
 * `<time-lab>`: the time-window lab for one key — the codes of steps T−2 … T+2 with their time ranges, each with
 * Copy and Fill; the clock offset; "which step is this code?"; and "Fill the same code again" after a fill.
 *
 * It knows nothing of where the key comes from (the generator, a key read or pasted, a saved account) nor how a code
 * gets into the page: the popup sets `enrollment` and `fill`. The clock offset is the lab's own state, reported with
 * a `clock-offset-change` event so the popup can shift every other code with it. Renders into the light DOM, styled
 * by popup.css, and is part of the lab's chunk (time-lab.ts), which the popup loads on first use.
 */
import { LitElement, html, nothing } from 'lit';
import { CLOCK_OFFSET_MAX, codesAround, findStep, parseClockOffset, TotpParameterError, type Enrollment, type StepCode, type StepFinding } from '../core/index.js';
import { groupCode } from '../element/internal/templates.js';
import { StepClockController, systemClock, type Clock } from '../element/step-clock.js';
import type { GetMessage } from './i18n.js';
import { OncePerStep } from './once-per-step.js';
import { popupMessage, type PopupMessage } from './popup-messages.js';

/** What the lab needs of a key: an {@link Enrollment} will do. */
export type LabKey = Pick<Enrollment, 'parameters' | 'codeOptions'>;

/** Types `code` into the page, showing `note` with the outcome; true when the page took it. */
export type FillCode = (code: string, note: string) => Promise<boolean>;

/** `clock-offset-change`: the offset in seconds and the clock that reads the time shifted by it. */
export type ClockOffsetChangeEvent = CustomEvent<{ seconds: number; clock: Clock }>;

/** The system clock, `seconds` ahead (or behind, when negative): a phone whose clock is off. */
export function offsetClock(seconds: number, base: Clock = systemClock): Clock {
  if (seconds === 0) return base;
  return { now: () => base.now() + seconds * 1000, setTimeout: base.setTimeout, clearTimeout: base.clearTimeout };
}

/** "+60", "−30", "0": signed, with a real minus sign, as the lab shows offsets and steps. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

type Copied = { offset: number } | undefined;

export class TimeLab extends LitElement {
  static override properties = {
    enrollment: { attribute: false },
    _codes: { state: true },
    _offset: { state: true },
    _offsetError: { state: true },
    _finding: { state: true },
    _copied: { state: true },
    _lastFill: { state: true },
  };

  private readonly _clock = new StepClockController(this, (now) => this._tick(now));
  private readonly _perStep = new OncePerStep();

  /** The key whose codes are shown; undefined shows a hint instead. */
  enrollment: LabKey | undefined;
  /** How Fill reaches the page (the popup's fill path). */
  fill: FillCode = () => Promise.resolve(false);
  /** The popup's messages (`chrome.i18n.getMessage`). */
  getMessage: GetMessage = () => '';

  private _codes: StepCode[] | undefined;
  private _offset = 0;
  private _offsetError = '';
  private _finding: { typed: string; result: StepFinding } | { typed: string; error: string } | undefined;
  /** How many codes were checked: a new answer is told apart from the last one even for the same words (tests). */
  private _checks = 0;
  private _copied: Copied;
  private _lastFill: { code: string; note: string } | undefined;

  /** The clock offset in seconds, −300 … +300: every code of the lab is the code at system time + offset. */
  get clockOffset(): number {
    return this._offset;
  }

  set clockOffset(value: number | string) {
    const seconds = parseClockOffset(value);
    if (seconds === this._offset) return;
    this._offset = seconds;
    this._offsetError = '';
    const clock = offsetClock(seconds);
    this._clock.clock = clock;
    this._perStep.reset();
    this._tick(clock.now());
    this.dispatchEvent(new CustomEvent('clock-offset-change', { detail: { seconds, clock }, bubbles: true }) satisfies ClockOffsetChangeEvent);
  }

  /** The time the lab's codes are for: the system clock shifted by the offset. */
  now(): number {
    return this._clock.now();
  }

  /** "offset +60 s" while an offset is set, else `''`: what Fill adds to its message. */
  offsetNote(): string {
    return this._offset === 0 ? '' : this._message('labOffsetNote', signed(this._offset));
  }

  // Light DOM: the popup's stylesheet applies, and the popup's CSP allows no inline style anyway.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('enrollment')) return;
    const before = changed.get('enrollment') as LabKey | undefined;
    // The same key again (the popup re-announcing it) keeps the typed code's answer and the replay offer.
    if (sameKey(before, this.enrollment)) return;
    this._codes = undefined;
    this._finding = undefined;
    this._copied = undefined;
    this._lastFill = undefined;
    this._perStep.reset();
    this._clock.period = this.enrollment?.parameters.period ?? 0;
    this._tick(this._clock.now());
  }

  /** New codes at each step boundary of the (shifted) clock. */
  private _tick(now: number): void {
    const enrollment = this.enrollment;
    if (!enrollment) return;
    void this._perStep.run(enrollment.parameters.period, now, () => codesAround(enrollment.codeOptions, now, { steps: 2 })).then((codes) => {
      if (!codes) return;
      this._codes = codes;
      this._copied = undefined;
    });
  }

  private _message(name: PopupMessage, ...values: string[]): string {
    return popupMessage(this.getMessage, name, ...values);
  }

  private _setOffsetFrom(input: HTMLInputElement): void {
    try {
      this.clockOffset = input.value;
    } catch (error) {
      if (!(error instanceof TotpParameterError)) throw error;
      this._offsetError = this._message('labOffsetInvalid', input.value, String(CLOCK_OFFSET_MAX));
    }
  }

  private _shiftOffset(by: number): void {
    const seconds = Math.max(-CLOCK_OFFSET_MAX, Math.min(CLOCK_OFFSET_MAX, this._offset + by));
    this.clockOffset = seconds;
  }

  private async _copy(row: StepCode): Promise<void> {
    try {
      await navigator.clipboard.writeText(row.code);
      this._copied = { offset: row.offset };
    } catch {
      this._copied = undefined;
    }
  }

  private async _fill(code: string, stepNote: string): Promise<void> {
    const note = [stepNote, this.offsetNote()].filter(Boolean).join(', ');
    if (await this.fill(code, note)) this._lastFill = { code, note };
  }

  private async _replay(): Promise<void> {
    const last = this._lastFill;
    if (!last) return;
    await this.fill(last.code, [this._message('labReplayNote'), last.note].filter(Boolean).join(', '));
  }

  private async _findStep(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const enrollment = this.enrollment;
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const typed = input.value;
    if (!enrollment) return;
    this._checks++;
    try {
      this._finding = { typed, result: await findStep(enrollment.codeOptions, typed, this._clock.now()) };
    } catch (error) {
      if (!(error instanceof TotpParameterError)) throw error;
      this._finding = { typed, error: this._message('labWhichInvalid', String(enrollment.parameters.digits)) };
    }
  }

  private _findingText(result: StepFinding): string {
    if (!result.found) {
      const { digits, period, algorithm } = result.settings;
      return this._message('labWhichNotFound', String(result.searched), `${algorithm}, ${digits}, ${period} s`, signed(this._offset));
    }
    const steps = String(Math.abs(result.offset));
    if (result.offset === 0) return this._message('labWhichCurrent');
    if (result.offset < 0) return this._message(result.offset === -1 ? 'labWhichAgoOne' : 'labWhichAgo', steps, String(result.expiredSecondsAgo));
    return this._message(result.offset === 1 ? 'labWhichAheadOne' : 'labWhichAhead', steps, String(result.startsInSeconds));
  }

  override render() {
    const enrollment = this.enrollment;
    const period = enrollment?.parameters.period ?? 30;
    const time = new Intl.DateTimeFormat(this.getMessage('element_lang') || 'en', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const range = (row: StepCode) => `${time.format(row.start)}–${time.format(row.end)}`;
    return html`
      <fieldset class="lab-offset">
        <legend>${this._message('labOffsetLegend')}</legend>
        <div class="lab-offset-row">
          <button type="button" class="lab-minus" @click=${() => this._shiftOffset(-period)}>−${period} s</button>
          <label>
            <span>${this._message('labOffsetLabel')}</span>
            <input name="clockOffset" type="number" min=${-CLOCK_OFFSET_MAX} max=${CLOCK_OFFSET_MAX} step="1" .value=${String(this._offset)} @change=${(event: Event) => this._setOffsetFrom(event.target as HTMLInputElement)} />
          </label>
          <button type="button" class="lab-plus" @click=${() => this._shiftOffset(period)}>+${period} s</button>
          <button type="button" class="lab-reset" ?disabled=${this._offset === 0} @click=${() => (this.clockOffset = 0)}>${this._message('labOffsetReset')}</button>
        </div>
        ${this._offsetError ? html`<p class="lab-error" role="alert">${this._offsetError}</p>` : nothing}
      </fieldset>
      ${enrollment
        ? html`<ol class="lab-codes" aria-label=${this._message('labCodesLabel')}>
              ${(this._codes ?? []).map(
                (row) => html`<li class="lab-code" data-offset=${row.offset} data-step=${row.step} data-start=${row.start} ?data-current=${row.offset === 0}>
                  <span class="lab-range" id=${`lab-range-${row.offset}`}>${signed(row.offset)}: ${range(row)}</span>
                  <code class="lab-value" data-code=${row.code}>${groupCode(row.code, enrollment.parameters.digits)}</code>
                  <button type="button" class="lab-copy" aria-describedby=${`lab-range-${row.offset}`} @click=${() => this._copy(row)}>${this._copied?.offset === row.offset ? this._message('labCopied') : this._message('labCopy')}</button>
                  <button type="button" class="lab-fill" aria-describedby=${`lab-range-${row.offset}`} @click=${() => this._fill(row.code, this._message('labStepNote', signed(row.offset)))}>${this._message('labFill')}</button>
                </li>`,
              )}
            </ol>
            ${this._lastFill
              ? html`<div class="lab-replay">
                  <button type="button" @click=${() => this._replay()}>${this._message('labReplayButton', this._lastFill.code)}</button>
                  <p>${this._message('labReplayExpect')}</p>
                </div>`
              : nothing}
            <form class="lab-which" autocomplete="off" @submit=${(event: SubmitEvent) => this._findStep(event)}>
              <label>
                <span>${this._message('labWhichLabel')}</span>
                <input name="code" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" />
              </label>
              <button type="submit">${this._message('labWhichButton')}</button>
            </form>
            ${this._finding
              ? html`<p class="lab-finding" role="status" data-check=${this._checks} data-found=${'result' in this._finding ? String(this._finding.result.found) : 'error'} data-offset=${'result' in this._finding && this._finding.result.found ? this._finding.result.offset : nothing}>
                  ${'result' in this._finding ? this._findingText(this._finding.result) : this._finding.error}
                </p>`
              : nothing}`
        : html`<p>${this._message('labNoCode')}</p>`}
    `;
  }
}

/** The same secret and settings: the same codes. */
function sameKey(a: LabKey | undefined, b: LabKey | undefined): boolean {
  if (!a || !b) return a === b;
  const [x, y] = [a.codeOptions, b.codeOptions];
  return x.digits === y.digits && x.period === y.period && x.algorithm === y.algorithm && x.secret.length === y.secret.length && x.secret.every((byte, index) => byte === y.secret[index]);
}

declare global {
  interface HTMLElementTagNameMap {
    'time-lab': TimeLab;
  }
  interface GlobalEventHandlersEventMap {
    'clock-offset-change': ClockOffsetChangeEvent;
  }
}
