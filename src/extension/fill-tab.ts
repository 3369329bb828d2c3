/// <reference types="chrome" />
/**
 * Fills a code into a tab: runs the page-side fill (fill-code.ts) in the tab's top frame with
 * `chrome.scripting.executeScript`, under the activeTab grant of the click or shortcut. Shared by the popup's Fill and
 * the background's fill-code shortcut.
 *
 * (A minimal version on the vault branch: the fill rules of issue 19 — split boxes, credential fields, submit — live in
 * another branch's fill-tab.ts with this same signature, which replaces this one at merge.)
 */
import { fillOneTimeCode, type FillResult } from './fill-code.js';

export type { FillResult } from './fill-code.js';

export interface FillTabOptions {
  /** Submit the field's form after filling. Not supported by this minimal version (ignored). */
  readonly submit?: boolean;
}

/** What the page-side fill did; a rejection when the browser refused to run it (no grant, a browser page). */
export async function fillTab(tabId: number, code: string, _options?: FillTabOptions): Promise<FillResult> {
  const [injection] = await chrome.scripting.executeScript({ target: { tabId }, func: fillOneTimeCode, args: [code] });
  const result = injection?.result as FillResult | undefined;
  if (!result) throw new Error('The page did not run the fill');
  return result;
}
