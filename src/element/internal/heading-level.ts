/**
 * The element's section titles as real `<h1>`–`<h6>` at the level the page asks for. A component cannot know the
 * outline of the page it sits in, so the page says it with `heading-level`: 2 (the default) under the page's `<h1>`,
 * one more than the heading of the section the element is in.
 *
 * Real heading elements rather than `role="heading"` with `aria-level`: the first rule of ARIA is to use the native
 * element, every assistive technology and reader mode knows them, and the level cannot drift from the role.
 */
import { html, type TemplateResult } from 'lit';
import { TotpParameterError } from '../../core/index.js';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Right below a page's `<h1>`: passes axe's heading-order in the most common outline. */
export const DEFAULT_HEADING_LEVEL: HeadingLevel = 2;

const ALLOWED = 'a whole number from 1 to 6';

/**
 * The `heading-level` attribute (or property) as a level; blank or absent is the default.
 *
 * @throws {TotpParameterError} for anything else, named `headingLevel` as the core names fields.
 */
export function parseHeadingLevel(value: unknown): HeadingLevel {
  if (value === undefined || value === null || value === '') return DEFAULT_HEADING_LEVEL;
  // Decimal digits only, as the core reads numbers: "2.0", " 2" and "h2" are refused, not guessed at.
  const level = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(level) || level < 1 || level > 6) throw new TotpParameterError('headingLevel', value, ALLOWED);
  return level as HeadingLevel;
}

/** A heading of `level` with `text`. One literal template per level: Lit cannot bind a tag name. */
export function heading(level: HeadingLevel, text: string): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1>${text}</h1>`;
    case 2:
      return html`<h2>${text}</h2>`;
    case 3:
      return html`<h3>${text}</h3>`;
    case 4:
      return html`<h4>${text}</h4>`;
    case 5:
      return html`<h5>${text}</h5>`;
    case 6:
      return html`<h6>${text}</h6>`;
  }
}
