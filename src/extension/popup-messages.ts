/**
 * The popup script's own messages (those popup.html does not carry as `data-i18n`): every name here has a message in
 * each `_locales/<lang>/messages.json`, which test/extension/locales.node.test.ts checks.
 */
import { FILL_MESSAGES } from './fill-messages.js';
import type { GetMessage } from './i18n.js';

export const POPUP_MESSAGES = [
  'reading',
  'readNone',
  'readCutOff',
  'readUnreadable',
  'readForeignLink',
  'readForeignText',
  'readHotp',
  'readMigration',
  'readInvalid',
  'readRefused',
  'readChoose',
  'pasteEmpty',
  'viewHeadingRead',
  'viewHeadingPasted',
  'viewNoIssuer',
  'viewNextCode',
  'fillNoCode',
  'fillAskGenerated',
  // What Fill did: worded by fill-tab.ts's fillMessage(), which the background script can use too.
  ...FILL_MESSAGES,
  // The time-window lab (time-lab-view.ts, time-lab.ts).
  'labOffsetLegend',
  'labOffsetLabel',
  'labOffsetReset',
  'labOffsetInvalid',
  'labOffsetNote',
  'labOffsetBanner',
  'labCodesLabel',
  'labCopy',
  'labCopied',
  'labFill',
  'labStepNote',
  'labReplayButton',
  'labReplayNote',
  'labReplayExpect',
  'labWhichLabel',
  'labWhichButton',
  'labWhichInvalid',
  'labWhichCurrent',
  'labWhichAgoOne',
  'labWhichAgo',
  'labWhichAheadOne',
  'labWhichAhead',
  'labWhichNotFound',
  'labNoCode',
] as const;

export type PopupMessage = (typeof POPUP_MESSAGES)[number];

/** A popup message in the browser's language; `$1`… filled from `values`. */
export function popupMessage(getMessage: GetMessage, name: PopupMessage, ...values: string[]): string {
  return getMessage(name, values);
}
