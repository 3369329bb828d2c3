/**
 * The demo page (`npm start`, index.html): the element, prefilled from the hosted API's query parameters, and the
 * snippet to embed it with those parameters.
 */
import './quiet-lit-dev-mode.js';
import '../element/define.js';
import { embedSnippet } from './embed-snippet.js';
import { bindParametersForm, applyToElement, fillForm, formValues, type ParameterValues } from './parameters-form.js';
import { prefillSearch, readPrefill } from './query-prefill.js';

/** What the page shows before anyone types, when the address has no parameters. */
const EXAMPLE: ParameterValues = { issuer: 'MyApp', account_name: 'user@example.com' };

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html lacks #${id}`);
  return element as T;
}

const prefill = readPrefill(location.search);
if (prefill.secretIgnored) {
  // Out of the address bar (and so out of history and bookmarks) before anything else happens.
  history.replaceState(history.state, '', `${location.pathname}${prefill.safeSearch}${location.hash}`);
  byId('secret-ignored').hidden = false;
}

const form = byId<HTMLFormElement>('parameters');
const snippet = byId('snippet');
fillForm(form, Object.keys(prefill.values).length > 0 ? prefill.values : EXAMPLE);

// Created with its attributes already set, so its first enrollment is the one asked for.
const generator = document.createElement('totp-generator');
const show = (values: ParameterValues) => {
  snippet.textContent = embedSnippet(values);
};
applyToElement(generator, formValues(form));
show(formValues(form));
byId('generator').append(generator);

bindParametersForm(form, generator, (values) => {
  show(values);
  // A shareable address for these parameters; prefillSearch has no way to carry a secret.
  history.replaceState(history.state, '', `${location.pathname}${prefillSearch(values)}${location.hash}`);
});

byId('copy-snippet').addEventListener('click', async () => {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Copying was refused; select the snippet and copy it by hand.';
  }
});
