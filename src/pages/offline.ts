/**
 * The single-file offline page (dist/totp-generator-offline.html): the element and the parameter form, inlined into
 * one HTML file that works opened from disk with the network off. scripts/build-bundles.mjs builds it.
 */
import '../element/define.js';
import { applyToElement, bindParametersForm, fillForm, formValues } from './parameters-form.js';
import { readPrefill } from './query-prefill.js';
import { webCryptoProblem } from './webcrypto-check.js';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`offline.html lacks #${id}`);
  return element as T;
}

const problem = webCryptoProblem();
if (problem) {
  const notice = byId('webcrypto-problem');
  notice.textContent = problem;
  notice.hidden = false;
}

// Links may carry the hosted API's parameters (…offline.html?issuer=MyApp&account_name=…); never a secret.
const prefill = readPrefill(location.search);
if (prefill.secretIgnored) {
  try {
    history.replaceState(history.state, '', `${location.pathname}${prefill.safeSearch}${location.hash}`);
  } catch {
    // Some browsers refuse history changes on file: URLs; the secret is ignored all the same.
  }
  byId('secret-ignored').hidden = false;
}

const form = byId<HTMLFormElement>('parameters');
if (Object.keys(prefill.values).length > 0) fillForm(form, prefill.values);
const generator = document.createElement('totp-generator');
applyToElement(generator, formValues(form));
byId('generator').append(generator);
bindParametersForm(form, generator);
