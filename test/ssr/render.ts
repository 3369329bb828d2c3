// <totp-generator> rendered on the server by @lit-labs/ssr, as a framework's server (or a static generator) would.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../../src/element/define.js';

/** The element's declarative-shadow-DOM markup for these attributes (as a string of HTML). */
export function renderElement(issuer: string, accountName: string): Promise<string> {
  return collectResult(render(html`<totp-generator issuer=${issuer} account-name=${accountName} name="totp_secret"></totp-generator>`));
}
