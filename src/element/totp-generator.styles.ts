/**
 * The element's styles: adopted stylesheets (Lit's `static styles`), so a page's strict `style-src 'self'` allows
 * them, and nothing is ever written to a `style` attribute. Public styling API: the `--totp-generator-*` custom
 * properties and the parts; class names are internal.
 */
import { css } from 'lit';

export const styles = css`
  :host {
    --_fg: var(--totp-generator-color, #1b1b1f);
    --_bg: var(--totp-generator-background, #fff);
    --_muted: var(--totp-generator-muted-color, #5d5e66);
    --_line: var(--totp-generator-border-color, #c6c6cf);
    --_accent: var(--totp-generator-accent-color, #1d4ed8);
    --_ok: var(--totp-generator-success-color, #166534);
    --_bad: var(--totp-generator-error-color, #b91c1c);
    --_warn: var(--totp-generator-warning-color, #854d0e);
    display: block;
    box-sizing: border-box;
    max-width: var(--totp-generator-max-width, 26rem);
    min-width: 0;
    padding: var(--totp-generator-padding, 1rem);
    border: 1px solid var(--_line);
    border-radius: var(--totp-generator-radius, 0.5rem);
    background: var(--_bg);
    color: var(--_fg);
    font: var(--totp-generator-font, inherit);
    color-scheme: light dark;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--totp-generator-color, #e4e4ea);
      --_bg: var(--totp-generator-background, #1b1b1f);
      --_muted: var(--totp-generator-muted-color, #a9aab4);
      --_line: var(--totp-generator-border-color, #46464f);
      --_accent: var(--totp-generator-accent-color, #93b4ff);
      --_ok: var(--totp-generator-success-color, #86efac);
      --_bad: var(--totp-generator-error-color, #fca5a5);
      --_warn: var(--totp-generator-warning-color, #fde68a);
    }
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  p {
    margin: 0.5rem 0;
  }
  [part='qr'] {
    margin: 0 auto;
    width: min(100%, var(--totp-generator-qr-size, 14rem));
    text-align: center;
  }
  [part='qr'] svg {
    display: block;
    width: 100%;
    height: auto;
  }
  code,
  [part='code'] {
    font-family: var(--totp-generator-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
  }
  [part='secret'],
  [part='uri'] {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
    user-select: all;
  }
  [part='secret'] {
    font-size: 1.05em;
  }
  [part='uri'] {
    font-size: 0.8em;
  }
  [part='code'] {
    flex: 1;
    font-size: 2em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  section {
    margin-top: 1rem;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  [part='countdown'] {
    height: 0.25rem;
    margin-top: 0.25rem;
    overflow: hidden;
    border-radius: 0.125rem;
    background: var(--_line);
  }
  .bar {
    height: 100%;
    background: var(--_accent);
    transform-origin: left;
  }
  button,
  input {
    font: inherit;
    color: inherit;
    border: 1px solid var(--_line);
    border-radius: 0.375rem;
    padding: 0.375rem 0.75rem;
    background: transparent;
    min-height: 2.25rem;
  }
  button {
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='verify'] {
    flex: 1;
    min-width: 8ch;
    font-family: var(--totp-generator-mono-font, ui-monospace, monospace);
  }
  .ok {
    color: var(--_ok);
  }
  .bad,
  [part='error'] {
    color: var(--_bad);
  }
  [part='warning'] {
    color: var(--_warn);
    border-left: 3px solid currentColor;
    padding-left: 0.75rem;
    margin-top: 1rem;
  }
  [part='warning'] ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  [part='warning'] p,
  [part='warning'] li {
    color: var(--_fg);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
