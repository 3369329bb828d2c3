/**
 * "Fill into page": the function `chrome.scripting.executeScript` runs in the active tab's top frame, under the
 * activeTab grant of the click (or shortcut) that opened the popup.
 *
 * It is serialised and run in the page's isolated world, so it must be self-contained: no imports, no outer
 * variables, nothing but its argument. It returns what it did; it changes the page only when it found exactly one
 * field to fill.
 */

export type FillResult =
  | { readonly filled: true; readonly field: 'focused' | 'one-time-code' | 'numeric' }
  | { readonly filled: false; readonly reason: 'no-field' | 'several-fields' | 'cross-origin-frame' };

/**
 * Puts `code` into the page's focused field; with none focused, into the one field marked
 * `autocomplete="one-time-code"`; else into the one visible numeric field. Fields inside open shadow roots and
 * same-origin frames count (a web component's own input, say). A focused frame from another origin cannot be
 * reached: that is reported, and nothing changes.
 *
 * The value goes in through HTMLInputElement's own `value` setter, then `input` and `change` bubble: frameworks
 * that track the value they last set (React's controlled inputs) see a real change, and Vue, Lit and plain
 * listeners see the events they listen for.
 */
export function fillOneTimeCode(code: string): FillResult {
  const TEXT_TYPES = ['', 'text', 'tel', 'number', 'password', 'search'];
  const isFillable = (element: Element | null): element is HTMLInputElement =>
    element !== null && element.localName === 'input' && TEXT_TYPES.includes((element as HTMLInputElement).type) && !(element as HTMLInputElement).disabled && !(element as HTMLInputElement).readOnly;
  const isVisible = (input: HTMLInputElement) =>
    typeof input.checkVisibility === 'function' ? input.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : input.getClientRects().length > 0;

  // The focused element, through open shadow roots and same-origin frames; `null` for a cross-origin frame.
  let focused: Element | null = document.activeElement;
  for (;;) {
    if (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    else if (focused && (focused.localName === 'iframe' || focused.localName === 'frame')) {
      const inner = (focused as HTMLIFrameElement).contentDocument;
      if (!inner) return { filled: false, reason: 'cross-origin-frame' };
      focused = inner.activeElement;
    } else break;
  }

  let target: HTMLInputElement | undefined;
  let field: 'focused' | 'one-time-code' | 'numeric' = 'focused';
  if (isFillable(focused)) target = focused;
  else {
    // Every input of the document, its open shadow roots and its same-origin frames.
    const inputs: HTMLInputElement[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'input') inputs.push(element as HTMLInputElement);
        if (element.shadowRoot) collect(element.shadowRoot);
        if (element.localName === 'iframe' || element.localName === 'frame') {
          const inner = (element as HTMLIFrameElement).contentDocument;
          if (inner) collect(inner);
        }
      }
    };
    collect(document);
    const candidates = inputs.filter((input) => isFillable(input) && isVisible(input));
    const marked = candidates.filter((input) => input.autocomplete.split(/\s+/).includes('one-time-code'));
    const numeric = candidates.filter((input) => input.type === 'number' || input.type === 'tel' || input.inputMode === 'numeric' || /^(\[0-9\]|\\d)/.test(input.pattern));
    if (marked.length > 1) return { filled: false, reason: 'several-fields' };
    if (marked.length === 1) [target, field] = [marked[0], 'one-time-code'];
    else if (numeric.length > 1) return { filled: false, reason: 'several-fields' };
    else if (numeric.length === 1) [target, field] = [numeric[0], 'numeric'];
  }
  if (!target) return { filled: false, reason: 'no-field' };

  // The prototype's setter of the input's own window (a frame has its own HTMLInputElement).
  const view = target.ownerDocument.defaultView ?? window;
  const setValue = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!.set!;
  setValue.call(target, code);
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  return { filled: true, field };
}
