/**
 * The time-window lab's chunk: popup.ts imports it when the "Time-window lab" section is first opened, so opening the
 * popup loads none of it (bench/popup.bench.ts checks). Connects `<time-lab>` to the popup: which key's codes it
 * shows (the code on show), how Fill reaches the page, and the clock offset, which it applies to every code and
 * countdown in the popup — the generator's and the read view's — and announces in a banner while it is not 0.
 *
 * The offset lives in this page's memory only: closing the popup resets it to 0.
 */
import { parseKeyUri } from '../core/index.js';
import type { Clock } from '../element/step-clock.js';
import type { TotpGenerator } from '../element/totp-generator.js';
import type { GetMessage } from './i18n.js';
import type { ReadEnrollment } from './read-view.js';
import { popupMessage } from './popup-messages.js';
import { signed, TimeLab, type FillCode, type LabKey } from './time-lab-view.js';

export { TimeLab, type LabKey } from './time-lab-view.js';

/** Anything in the popup whose codes follow a clock (`<totp-generator>`, `<read-enrollment>`). */
export interface Clocked {
  clock: Clock;
}

export interface TimeLabOptions {
  document: Document;
  getMessage: GetMessage;
  /** The popup's generator: the key on show unless another view shows one, and a clock to shift. */
  generator: TotpGenerator;
  /** Where the lab goes. */
  container: HTMLElement;
  /** The popup's fill path: types the code, shows the outcome with the note, true when the page took it. */
  fill: FillCode;
  /**
   * The key on show, when a view other than the generator may show one (a key read or pasted, a saved account);
   * undefined falls back to the generator's. Asked again whenever a view announces a change (see {@link KEY_EVENTS}).
   */
  keyOnShow?: () => LabKey | undefined;
  /**
   * Every view whose codes the clock offset shifts, asked whenever the offset or the key on show changes; default: the
   * generator and any `<read-enrollment>`. A view added later (saved accounts) returns its element here too.
   */
  clocked?: () => Clocked[];
}

/** Events after which the key on show may have changed: the generator's new enrollment, a view showing another key. */
export const KEY_EVENTS = ['totp-enroll', 'read-enrollment-change', 'code-on-show-change'] as const;

export interface TimeLabHandle {
  readonly lab: TimeLab;
  /** "offset +60 s" while a clock offset is set, else `''`: what the popup's own Fill adds to its message. */
  offsetNote(): string;
  /** Shows the codes of the key on show now (call after changing what `keyOnShow` returns without an event). */
  refresh(): void;
}

export function openTimeLab({ document, getMessage, generator, container, fill, keyOnShow, clocked }: TimeLabOptions): TimeLabHandle {
  if (!customElements.get('time-lab')) customElements.define('time-lab', TimeLab);
  const lab = document.createElement('time-lab');
  lab.getMessage = getMessage;
  lab.fill = fill;
  container.append(lab);

  const banner = document.createElement('p');
  banner.id = 'clock-offset-banner';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  const bannerText = document.createElement('span');
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = popupMessage(getMessage, 'labOffsetReset');
  reset.addEventListener('click', () => (lab.clockOffset = 0));
  banner.append(bannerText, ' ', reset);
  document.body.prepend(banner);

  let clock: Clock | undefined;
  /** The shifted clock on every clocked view there is now (a read view is created on first use, after the lab maybe). */
  const applyClock = () => {
    if (!clock) return;
    const views: Clocked[] = clocked?.() ?? [generator, ...document.querySelectorAll('read-enrollment')];
    for (const view of views) if (view.clock !== clock) view.clock = clock;
  };

  const generatorKey = (): LabKey | undefined => {
    if (!generator.uri) return undefined;
    const { parameters, secret } = parseKeyUri(generator.uri);
    return { parameters, codeOptions: { secret: secret.bytes, digits: parameters.digits, period: parameters.period, algorithm: parameters.algorithm } };
  };
  const readKey = (): LabKey | undefined => {
    const result = document.getElementById('read-result');
    // The read view's own element: a saved account's view (saved/account-view.ts) is another read-enrollment.
    const view = document.querySelector<ReadEnrollment>('#read-view read-enrollment');
    return result && !result.hidden && view && !view.hidden ? view.enrollment : undefined;
  };
  const refresh = () => {
    lab.enrollment = keyOnShow?.() ?? readKey() ?? generatorKey();
    applyClock();
  };
  // A view updates after the event's own task; read it once that update has run.
  for (const type of KEY_EVENTS) document.addEventListener(type, () => void Promise.resolve().then(refresh));

  lab.addEventListener('clock-offset-change', (event) => {
    clock = event.detail.clock;
    applyClock();
    const seconds = event.detail.seconds;
    banner.hidden = seconds === 0;
    bannerText.textContent = popupMessage(getMessage, 'labOffsetBanner', signed(seconds));
  });

  refresh();
  return { lab, offsetNote: () => lab.offsetNote(), refresh };
}
