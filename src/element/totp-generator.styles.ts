/**
 * The element's styles: adopted stylesheets (Lit's `static styles`), so a page's strict `style-src 'self'` allows
 * them, and nothing is ever written to a `style` attribute. Public styling API: the `--totp-generator-*` custom
 * properties and the parts; class names are internal. Written compactly because they ship in the bundle unminified.
 *
 * Light and dark follow `prefers-color-scheme` through `color-scheme` and `light-dark()`; a page that sets the
 * custom properties overrides both.
 */
import { css } from 'lit';

export const styles = css`
:host{--_fg:var(--totp-generator-color,light-dark(#1b1b1f,#e4e4ea));--_bg:var(--totp-generator-background,light-dark(#fff,#1b1b1f));--_line:var(--totp-generator-border-color,light-dark(#c6c6cf,#46464f));--_accent:var(--totp-generator-accent-color,light-dark(#1d4ed8,#93b4ff));--_ok:var(--totp-generator-success-color,light-dark(#166534,#86efac));--_bad:var(--totp-generator-error-color,light-dark(#b91c1c,#fca5a5));--_warn:var(--totp-generator-warning-color,light-dark(#854d0e,#fde68a));--_mono:var(--totp-generator-mono-font,ui-monospace,Menlo,Consolas,monospace);
display:block;box-sizing:border-box;max-width:var(--totp-generator-max-width,26rem);padding:var(--totp-generator-padding,1rem);border:1px solid var(--_line);border-radius:var(--totp-generator-radius,.5rem);background:var(--_bg);color:var(--_fg);font:var(--totp-generator-font,inherit);color-scheme:light dark}
:host([hidden]){display:none}
*{box-sizing:border-box}
fieldset{border:0;margin:0;padding:0;min-width:0}
p{margin:.5rem 0}
section{margin-top:1rem}
h1,h2,h3,h4,h5,h6{margin:0 0 .25rem;font-size:1em}
[part=qr]{margin:0 auto;width:min(100%,var(--totp-generator-qr-size,14rem))}
svg{display:block;width:100%;height:auto}
code,[part=code],input{font-family:var(--_mono)}
[part=secret],[part=uri]{flex:1;min-width:0;overflow-wrap:anywhere;user-select:all}
[part=uri]{font-size:.8em}
[part=code]{flex:1;font-size:2em;font-variant-numeric:tabular-nums}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
[part=countdown]{height:.25rem;margin-top:.25rem;overflow:hidden;background:var(--_line)}
.bar{height:100%;background:var(--_accent);transform-origin:left}
button,input{font:inherit;color:inherit;border:1px solid var(--_line);border-radius:.375rem;padding:.375rem .75rem;background:none;min-height:2.25rem}
input{flex:1;min-width:8ch;font-family:var(--_mono)}
button{cursor:pointer}
button:hover{border-color:var(--_accent)}
:focus-visible{outline:2px solid var(--_accent);outline-offset:2px}
.ok{color:var(--_ok)}
.bad,[part=error]{color:var(--_bad)}
[part=warning]{border-left:3px solid var(--_warn);padding-left:.75rem;margin-top:1rem}
[part=warning] :is(h1,h2,h3,h4,h5,h6){color:var(--_warn)}
ul{margin:0;padding-left:1.25rem}
.codes{list-style:none;padding:0;columns:2;font-family:var(--_mono)}
.check{display:flex;gap:.5rem;align-items:center;margin-top:.5rem}
.check input{flex:none;min-width:0;min-height:0;width:1.25rem;height:1.25rem;margin:0;padding:0}
.blank{visibility:hidden}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
