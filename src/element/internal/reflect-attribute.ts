/**
 * Writing a brought value (a secret, a Key URI) as the attribute that carries it, so that the attribute stays the one
 * source of truth and an empty value means "none": the attribute goes.
 */
export function setOrRemoveAttribute(element: Element, name: string, value: string): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}
