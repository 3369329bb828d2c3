/// <reference types="chrome" />
/** Fill for a saved account: its code typed into the active tab by the popup's fill path, and what happened in words. */
import { fillOneTimeCode, type FillResult } from '../fill-code.js';
import { fillMessage } from '../fill-message.js';
import type { GetMessage } from '../i18n.js';

export async function fillSavedCode(code: string, getMessage: GetMessage): Promise<string> {
  let result: FillResult | undefined;
  try {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    const [injection] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: fillOneTimeCode, args: [code] });
    result = injection?.result as FillResult | undefined;
  } catch {
    result = undefined;
  }
  return getMessage(fillMessage(result));
}
