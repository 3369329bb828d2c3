/**
 * "Fill into page": the function `chrome.scripting.executeScript` runs in the tab's top frame (fill-tab.ts), under the
 * activeTab grant of the click or shortcut that opened the popup.
 *
 * It is serialised and run in the page's isolated world, so it must be self-contained: no imports, no outer
 * variables, nothing but its arguments. It changes the page only when it found exactly one target, and it says
 * "filled" only when the page, one task after the typing, holds the code.
 */

/** Which rule chose the target (issue 19's order), named in the result so that tests and messages can tell. */
export type FillRule = 'focused' | 'one-time-code' | 'box-group' | 'named' | 'numeric';

export type FillFailure =
  /** Nothing on the page fits any rule. */
  | 'no-field'
  /** More than one field fits the first rule that found any. */
  | 'several-fields'
  /** The focused field is a password or user-name field, and the page has no single code field. */
  | 'credential-focused'
  /** The target's `maxlength` is shorter than the code. */
  | 'maxlength'
  /** The group of single-character boxes has another count than the code's digits. */
  | 'group-length'
  /** The focus is in a frame from another origin: of this site (another port or subdomain), or of another site. */
  | 'frame-same-site'
  | 'frame-cross-site'
  /** No field on the page itself, but frames from other origins that the extension cannot look into. */
  | 'field-out-of-reach'
  /** Typed, but the page's own handlers left another value. */
  | 'not-kept'
  /** The browser refused to run the fill function (chrome:// pages, the Web Store, no grant). */
  | 'refused';

export interface FillResult {
  readonly filled: boolean;
  /** The rule that chose the target; absent when none was chosen. */
  readonly rule?: FillRule;
  /** Why nothing, or not the code, is in the page; absent when filled. */
  readonly reason?: FillFailure;
  /** How many boxes (a group) or 1 (one field) were typed into. */
  readonly boxes?: number;
  /** The words that name the target on the page (its label, aria-label, placeholder, the heading above a group). */
  readonly label?: string;
  /** `name` or `id` of the field refused for its maxlength, with that maxlength. */
  readonly field?: string;
  readonly maxLength?: number;
  /** The code's length, and for 'not-kept' how many of its digits the page kept in place. */
  readonly digits?: number;
  readonly kept?: number;
  /** The frame's origin for the frame reasons. */
  readonly frameOrigin?: string;
  /** With `submit`: whether the form was submitted (false when the target has no form). */
  readonly submitted?: boolean;
}

export interface FillOptions {
  /** After a fill the page kept, submit the target's form as Enter would (`requestSubmit()`). */
  readonly submit?: boolean;
}

/**
 * Types `code` into the page's code field (issue 19's rules, in order): the focused field if it is a plausible code
 * field; else the one field marked `autocomplete="one-time-code"`; else the one group of single-character boxes with
 * as many boxes as the code has digits (or the group the focused box belongs to); else the one field whose name, id,
 * label, placeholder or aria-label says it takes a code; else the one visible numeric field. A password or user-name
 * field is never a target. Fields in open shadow roots, closed ones (through `chrome.dom.openOrClosedShadowRoot`
 * where the browser has it) and same-origin frames count.
 *
 * Each character is typed as a person would: focus (with `focusin`, which a page whose window has no focus would not
 * get), `keydown`, `keypress`, `beforeinput`, the value through the input's own native setter (so frameworks that
 * track what they last wrote, React's controlled inputs, see a real change), `input`, `keyup`; `change` when the box
 * is done. A page that cancels `keydown` or `beforeinput` handles the key itself, as it would for a person.
 */
export async function fillOneTimeCode(code: string, options: FillOptions = {}): Promise<FillResult> {
  const TEXT_TYPES = ['', 'text', 'tel', 'number', 'password', 'search'];
  const CREDENTIAL_TOKENS = ['current-password', 'new-password', 'username', 'email'];
  // autocomplete tokens for data that is not a code: a field that says it wants them is no code field.
  const OTHER_DATA = /^(name|given-name|family-name|additional-name|nickname|honorific-\w+|organization|street-address|address-line\d|address-level\d|country|country-name|postal-code|cc-\w+|bday(-\w+)?|sex|url|photo|tel(-\w+)?|email|username|impp|language|transaction-\w+|webauthn)$/;
  const CODE_WORDS = /(^|[^a-z])(otp|totp|2fa|mfa|tfa|token|one.?time|verif\w*|auth(entication|enticator)?.?code|security.?code|code|pin|passcode|bestätigung\w*|sicherheitscode|einmal\w*|prüf\w*|vérification|jeton|código|codigo|verificación)([^a-z]|$)/i;
  const PHONE_WORDS = /phone|mobile|handy|telefon|téléphone|teléfono|movil|móvil|portable|tel$|^tel/i;

  const chromeDom = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null } } }).chrome?.dom;
  /** The element's shadow root, open or closed: chrome.dom in Chrome's isolated world, Firefox's own method, else open. */
  const shadowOf = (element: Element): ShadowRoot | null => {
    try {
      if (typeof chromeDom?.openOrClosedShadowRoot === 'function') return chromeDom.openOrClosedShadowRoot(element as HTMLElement) ?? null;
      const firefox = (element as unknown as { openOrClosedShadowRoot?: ShadowRoot | (() => ShadowRoot | null) }).openOrClosedShadowRoot;
      if (typeof firefox === 'function') return firefox.call(element) ?? null;
      if (firefox) return firefox;
    } catch {
      // An element that cannot host a shadow root.
    }
    return element.shadowRoot;
  };
  const isFrame = (element: Element | null): element is HTMLIFrameElement => element?.localName === 'iframe' || element?.localName === 'frame';
  const tokens = (input: HTMLInputElement) => (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const isFillable = (element: Element | null): element is HTMLInputElement =>
    element !== null && element.localName === 'input' && TEXT_TYPES.includes((element as HTMLInputElement).type) && !(element as HTMLInputElement).disabled && !(element as HTMLInputElement).readOnly;
  const isVisible = (input: HTMLInputElement) =>
    typeof input.checkVisibility === 'function' ? input.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : input.getClientRects().length > 0;
  const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const labelOf = (input: HTMLInputElement) =>
    [...(input.labels ?? [])].map(textOf).find(Boolean) || input.getAttribute('aria-label')?.trim() || input.placeholder.trim() || '';
  const words = (input: HTMLInputElement) => [input.name, input.id, labelOf(input), input.placeholder, input.getAttribute('aria-label') ?? ''].join(' ');
  const isOneTimeCode = (input: HTMLInputElement) => tokens(input).includes('one-time-code');
  const isNamedCode = (input: HTMLInputElement) => CODE_WORDS.test(words(input)) && !PHONE_WORDS.test(`${input.name} ${input.id}`);
  /** A password or user-name field, unless it says it is for a code (a masked code field is fine). */
  const isCredential = (input: HTMLInputElement) =>
    !isOneTimeCode(input) && (tokens(input).some((token) => CREDENTIAL_TOKENS.includes(token)) || (input.type === 'password' && !isNamedCode(input)));
  const isOtherData = (input: HTMLInputElement) => tokens(input).some((token) => OTHER_DATA.test(token));
  const isPlausible = (input: HTMLInputElement) => !isCredential(input) && !isOtherData(input);
  const isBox = (input: HTMLInputElement) => input.maxLength === 1;
  const isNumeric = (input: HTMLInputElement) =>
    (input.type === 'number' || input.type === 'tel' || input.inputMode === 'numeric' || /^(\[0-9\]|\\d)/.test(input.pattern)) && !PHONE_WORDS.test(words(input));
  const siteOf = (host: string) => host.split('.').slice(-2).join('.');

  // The focused element, through shadow roots and same-origin frames; a frame from another origin stops the search.
  let focused: Element | null = document.activeElement;
  for (;;) {
    const root = focused ? shadowOf(focused) : null;
    if (root?.activeElement) focused = root.activeElement;
    else if (isFrame(focused)) {
      let inner: Document | null = null;
      try {
        inner = focused.contentDocument;
      } catch {
        inner = null;
      }
      if (!inner) {
        const frameOrigin = new URL(focused.src || 'about:blank', location.href).origin;
        const sameSite = frameOrigin !== 'null' && siteOf(new URL(frameOrigin).hostname) === siteOf(location.hostname) && new URL(frameOrigin).protocol === location.protocol;
        return { filled: false, reason: sameSite ? 'frame-same-site' : 'frame-cross-site', frameOrigin };
      }
      focused = inner.activeElement;
    } else break;
  }

  // Every input of the document, its shadow roots and its same-origin frames; the other frames' origins.
  const inputs: HTMLInputElement[] = [];
  const unreachableFrames: string[] = [];
  const collect = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.localName === 'input') inputs.push(element as HTMLInputElement);
      const shadow = shadowOf(element);
      if (shadow) collect(shadow);
      if (isFrame(element)) {
        let inner: Document | null = null;
        try {
          inner = element.contentDocument;
        } catch {
          inner = null;
        }
        if (inner) collect(inner);
        else if (element.getClientRects().length > 0) unreachableFrames.push(new URL(element.src || 'about:blank', location.href).origin);
      }
    }
  };
  collect(document);
  const candidates = inputs.filter((input) => isFillable(input) && isVisible(input) && isPlausible(input));

  // Groups of single-character boxes: each box belongs to the nearest ancestor holding another box too.
  const boxes = candidates.filter(isBox);
  const groups = new Map<Node, HTMLInputElement[]>();
  for (const box of boxes) {
    let container: Node | null = box.parentNode;
    while (container && !boxes.some((other) => other !== box && container!.contains(other))) container = container.parentNode;
    const key = container ?? box;
    groups.set(key, [...(groups.get(key) ?? []), box]);
  }
  const groupOf = (input: HTMLInputElement) => [...groups.values()].find((group) => group.length > 1 && group.includes(input));

  /** The words a group goes by: its own aria-label, its legend, else the nearest text before its first box. */
  const groupLabel = (group: HTMLInputElement[]): string => {
    const container = [...groups.entries()].find(([, each]) => each === group)?.[0] as Element | undefined;
    const own = container instanceof Element ? container.getAttribute('aria-label')?.trim() : '';
    if (own) return own;
    const labelledBy = container instanceof Element ? container.getAttribute('aria-labelledby') : null;
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => textOf(group[0].ownerDocument.getElementById(id))).join(' ').trim();
      if (text) return text;
    }
    const legend = group[0].closest('fieldset')?.querySelector('legend');
    if (legend && textOf(legend)) return textOf(legend);
    // Walk back through the document from the first box to the nearest heading, label or paragraph with text.
    let node: Element | null = group[0];
    while (node) {
      let sibling = node.previousElementSibling;
      while (sibling) {
        if (/^(h[1-6]|label|legend|p)$/.test(sibling.localName) && textOf(sibling)) return textOf(sibling);
        sibling = sibling.previousElementSibling;
      }
      node = node.parentElement;
    }
    return '';
  };

  type Target = { rule: FillRule; fields: HTMLInputElement[] };
  let target: Target | undefined;
  let failure: FillFailure | undefined;
  const credentialFocused = isFillable(focused) && isCredential(focused);
  /** A chosen field that belongs to a group of boxes means the whole group. */
  const toTarget = (rule: FillRule, input: HTMLInputElement): Target => {
    const group = isBox(input) ? groupOf(input) : undefined;
    return group ? { rule, fields: group } : { rule, fields: [input] };
  };

  if (isFillable(focused) && isPlausible(focused)) target = toTarget('focused', focused);
  if (!target) {
    const marked = candidates.filter(isOneTimeCode);
    const markedGroups = new Set(marked.map((input) => groupOf(input) ?? input));
    if (markedGroups.size === 1) target = toTarget('one-time-code', marked[0]);
    else if (markedGroups.size > 1) failure = 'several-fields';
  }
  if (!target && !failure) {
    const real = [...groups.values()].filter((group) => group.length > 1);
    const fitting = real.filter((group) => group.length === code.length);
    if (fitting.length === 1) target = { rule: 'box-group', fields: fitting[0] };
    else if (fitting.length > 1) failure = 'several-fields';
    else if (real.length === 1 && real[0].length >= 4) {
      // One group of boxes for another length: a 6-box screen given an 8-digit code (or the other way round).
      return { filled: false, rule: 'box-group', reason: 'group-length', boxes: real[0].length, digits: code.length, label: groupLabel(real[0]) };
    }
  }
  if (!target && !failure) {
    const named = candidates.filter((input) => !isBox(input) && isNamedCode(input));
    if (named.length === 1) target = toTarget('named', named[0]);
    else if (named.length > 1) failure = 'several-fields';
  }
  if (!target && !failure) {
    const numeric = candidates.filter((input) => !isBox(input) && isNumeric(input));
    if (numeric.length === 1) target = toTarget('numeric', numeric[0]);
    else if (numeric.length > 1) failure = 'several-fields';
  }
  if (!target) {
    if (failure) return { filled: false, reason: failure };
    if (credentialFocused) return { filled: false, reason: 'credential-focused' };
    if (unreachableFrames.length > 0) return { filled: false, reason: 'field-out-of-reach', frameOrigin: unreachableFrames[0] };
    return { filled: false, reason: 'no-field' };
  }

  const { rule, fields } = target;
  const label = fields.length > 1 ? groupLabel(fields) : labelOf(fields[0]);
  if (fields.length > 1 && fields.length !== code.length) return { filled: false, rule, reason: 'group-length', boxes: fields.length, digits: code.length, label };
  if (fields.length === 1 && fields[0].maxLength >= 0 && fields[0].maxLength < code.length) {
    const field = fields[0];
    return { filled: false, rule, reason: 'maxlength', field: field.name || field.id || label, maxLength: field.maxLength, digits: code.length, label };
  }

  /** Focuses `input` as a click or Tab would, with the focus events a page without window focus would miss. */
  const focusLikeAPerson = (input: HTMLInputElement) => {
    const view = input.ownerDocument.defaultView ?? window;
    let heard = false;
    const hear = () => (heard = true);
    input.addEventListener('focusin', hear, { once: true });
    input.focus();
    input.removeEventListener('focusin', hear);
    if (!heard) {
      input.dispatchEvent(new view.FocusEvent('focus', { bubbles: false, composed: true }));
      input.dispatchEvent(new view.FocusEvent('focusin', { bubbles: true, composed: true }));
    }
  };
  const typeCharacter = (input: HTMLInputElement, character: string, nextValue: string) => {
    const view = input.ownerDocument.defaultView ?? window;
    const setValue = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!.set!;
    const keyCode = character.toUpperCase().charCodeAt(0);
    const keyInit = { key: character, code: /\d/.test(character) ? `Digit${character}` : `Key${character.toUpperCase()}`, keyCode, which: keyCode, bubbles: true, cancelable: true, composed: true };
    const keydown = new view.KeyboardEvent('keydown', keyInit);
    input.dispatchEvent(keydown);
    if (!keydown.defaultPrevented) {
      const keypress = new view.KeyboardEvent('keypress', { ...keyInit, charCode: character.charCodeAt(0) });
      input.dispatchEvent(keypress);
      const beforeinput = new view.InputEvent('beforeinput', { inputType: 'insertText', data: character, bubbles: true, cancelable: true, composed: true });
      if (!keypress.defaultPrevented && input.dispatchEvent(beforeinput)) {
        setValue.call(input, nextValue);
        input.dispatchEvent(new view.InputEvent('input', { inputType: 'insertText', data: character, bubbles: true, composed: true }));
      }
    }
    input.dispatchEvent(new view.KeyboardEvent('keyup', keyInit));
  };
  const clear = (input: HTMLInputElement) => {
    if (input.value === '') return;
    const view = input.ownerDocument.defaultView ?? window;
    Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!.set!.call(input, '');
    input.dispatchEvent(new view.InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true, composed: true }));
  };

  if (fields.length > 1) {
    [...code].forEach((character, index) => {
      const box = fields[index];
      focusLikeAPerson(box);
      // Typing over a box selects what it holds first: the new digit replaces it.
      typeCharacter(box, character, character);
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
  } else {
    const [field] = fields;
    focusLikeAPerson(field);
    clear(field);
    // Each character goes after what the field holds then, as at a caret at the end.
    for (const character of code) typeCharacter(field, character, `${field.value}${character}`);
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // One task later, after the page's own handlers and re-renders: what does the page hold now? (The fields are read
  // again by position; a framework that replaced a box keeps it at the same place in its group.)
  await new Promise((resume) => setTimeout(resume, 0));
  await new Promise((resume) => setTimeout(resume, 0));
  const current = fields.map((field) => (field.isConnected ? field : undefined));
  const held = fields.length > 1 ? current.map((field) => field?.value ?? '').join('') : (current[0]?.value ?? '');
  const normalised = held.replace(/[\s-]/g, '');
  if (normalised !== code) {
    const kept = fields.length > 1 ? [...code].filter((character, index) => (current[index]?.value ?? '') === character).length : [...code].filter((character, index) => normalised[index] === character).length;
    return { filled: false, rule, reason: 'not-kept', boxes: fields.length, digits: code.length, kept, label };
  }
  let submitted: boolean | undefined;
  if (options.submit) {
    const form = fields[fields.length - 1].form;
    submitted = form !== null;
    form?.requestSubmit();
  }
  return { filled: true, rule, boxes: fields.length, digits: code.length, label, ...(submitted === undefined ? {} : { submitted }) };
}
