/**
 * The parameter form both pages share: it mirrors its fields (named like the hosted API's query parameters) onto a
 * `<totp-generator>`'s attributes. There is deliberately no secret field.
 */
import { HOSTED_API_PARAMETERS } from '../core/index.js';
import { ATTRIBUTE_FOR, type PrefillName } from './query-prefill.js';

export type ParameterValues = Partial<Record<PrefillName, string>>;

/** The form's current values, by query parameter name. */
export function formValues(form: HTMLFormElement): ParameterValues {
  const data = new FormData(form);
  const values: ParameterValues = {};
  for (const name of HOSTED_API_PARAMETERS) {
    const value = data.get(name);
    if (typeof value === 'string') values[name] = value.trim();
  }
  return values;
}

/** Sets (or, when empty, removes) the element's attributes so that the element's own defaults apply. */
export function applyToElement(element: Element, values: ParameterValues): void {
  for (const name of HOSTED_API_PARAMETERS) {
    const value = values[name];
    if (value === undefined || value === '') element.removeAttribute(ATTRIBUTE_FOR[name]);
    else element.setAttribute(ATTRIBUTE_FOR[name], value);
  }
}

/** Writes values into the form's fields; a value a `<select>` does not offer is added, so the element can explain it. */
export function fillForm(form: HTMLFormElement, values: ParameterValues): void {
  for (const name of HOSTED_API_PARAMETERS) {
    const field = form.elements.namedItem(name);
    const value = values[name];
    if (value === undefined) continue;
    if (field instanceof HTMLSelectElement && ![...field.options].some((option) => option.value === value)) {
      field.add(new Option(value, value));
    }
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

/**
 * Keeps `element` in step with `form`. Text fields apply as the visitor types; numbers and choices when committed, so
 * that typing "60" does not flash an error for "6".
 */
export function bindParametersForm(form: HTMLFormElement, element: Element, onChange: (values: ParameterValues) => void = () => {}): void {
  const update = () => {
    const values = formValues(form);
    applyToElement(element, values);
    onChange(values);
  };
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text') update();
  });
  form.addEventListener('change', update);
  // Nothing here is ever sent anywhere.
  form.addEventListener('submit', (event) => event.preventDefault());
}
