/// <reference types="chrome" />
/** Fill for a saved account: its code typed into the active tab by the popup's fill path (fill-tab.ts), said in words. */
import { fillMessage, fillTab, type FillResult } from '../fill-tab.js';
import type { GetMessage } from '../i18n.js';

export async function fillSavedCode(code: string, getMessage: GetMessage): Promise<string> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  // fillTab never throws: a page the browser keeps extensions out of comes back as 'refused'.
  const result: FillResult = tab?.id === undefined ? { filled: false, reason: 'refused' } : await fillTab(tab.id, code);
  return fillMessage(result, getMessage);
}
