/// <reference types="chrome" />
/**
 * Fill a code into a tab, from the popup or from the background script (a shortcut, a saved account): the injection
 * of fill-code.ts and the one line that says what it did. No DOM here and nothing of the popup's, so that a service
 * worker can import it.
 *
 * Only the top frame is injected: activeTab grants the tab's own origin, not frames from other sites in it. The fill
 * function reaches same-origin frames and shadow roots (closed ones too) from there, and reports the rest.
 */
import { fillOneTimeCode, type FillOptions, type FillResult } from './fill-code.js';
import type { FILL_MESSAGES } from './fill-messages.js';
import type { GetMessage } from './i18n.js';

export type { FillFailure, FillResult, FillRule } from './fill-code.js';

/** Types `code` into the tab's code field and returns what the page holds then; never throws. */
export async function fillTab(tabId: number, code: string, options: FillOptions = {}): Promise<FillResult> {
  try {
    const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: fillOneTimeCode, args: [code, { submit: options.submit === true }] });
    const result = injection?.result as FillResult | undefined;
    return result && typeof result.filled === 'boolean' ? result : { filled: false, reason: 'refused' };
  } catch {
    return { filled: false, reason: 'refused' };
  }
}


/** The one line that says what Fill did, in the browser's language. */
export function fillMessage(result: FillResult, getMessage: GetMessage): string {
  const say = (name: (typeof FILL_MESSAGES)[number], ...values: (string | number | undefined)[]) => getMessage(name, values.map((value) => String(value ?? '')));
  if (result.filled) {
    const done =
      (result.boxes ?? 1) > 1
        ? result.label
          ? say('fillDoneBoxesLabelled', result.boxes, result.label)
          : say('fillDoneBoxes', result.boxes)
        : result.label
          ? say('fillDoneFieldLabelled', result.label)
          : say('fillDoneField');
    if (result.submitted === true) return `${done} ${say('fillSubmitted')}`;
    if (result.submitted === false) return `${done} ${say('fillSubmitNoForm')}`;
    return done;
  }
  switch (result.reason) {
    case 'several-fields':
      return say('fillSeveralFields');
    case 'credential-focused':
      return say('fillCredentialFocused');
    case 'maxlength':
      return say('fillMaxLength', result.field, result.maxLength, result.digits);
    case 'group-length':
      return say('fillGroupLength', result.boxes, result.digits);
    case 'frame-same-site':
      return say('fillFrameSameSite', result.frameOrigin);
    case 'frame-cross-site':
      return say('fillFrameCrossSite', result.frameOrigin);
    case 'field-out-of-reach':
      return say('fillOutOfReach', result.frameOrigin);
    case 'not-kept':
      return say('fillNotKept', result.kept, result.digits);
    case 'refused':
      return say('fillRefused');
    default:
      return say('fillNoField');
  }
}
