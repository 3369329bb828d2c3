/// <reference types="chrome" />
/** Fill for a saved account: its code typed into the active tab by the popup's fill path (fill-tab.ts), said in words. */
import type { FillResult } from '../fill-code.js';
import { fillMessage } from '../fill-message.js';
import { fillTab } from '../fill-tab.js';
import type { GetMessage } from '../i18n.js';

export async function fillSavedCode(code: string, getMessage: GetMessage): Promise<string> {
  let result: FillResult | undefined;
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    result = await fillTab(tab.id, code);
  } catch {
    result = undefined;
  }
  return getMessage(fillMessage(result));
}
