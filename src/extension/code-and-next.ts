/** A key's code for a moment and the code of the step after it: what the popup's code lines show as "next code". */
import { generateCode, type CodeOptions } from '../core/index.js';

/** What a code line needs of a key; an Enrollment has it, and so has a key parsed without its QR code. */
export interface CodeSource {
  readonly parameters: { readonly digits: number; readonly period: number };
  readonly codeOptions: CodeOptions;
}

export async function codeAndNext(key: CodeSource, now: number): Promise<{ current: string; next: string }> {
  const [current, next] = await Promise.all([generateCode(key.codeOptions, now), generateCode(key.codeOptions, now + key.parameters.period * 1000)]);
  return { current, next };
}
