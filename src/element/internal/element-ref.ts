/**
 * Handing a rendered element to the controller that works on it: `${elementRef(holder)}` on an element sets
 * `holder.value` to that element at every render.
 *
 * Lit's own `ref` directive does this too, and also clears the value when the element leaves the DOM, for which it
 * brings Lit's AsyncDirective along: 0.7 kB (gzip) of the self-contained bundle. Our controllers check
 * `isConnected` themselves, so the plain directive below is all they need. A Lit `Ref` is a holder as well.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Where the element goes; empty until the first render. */
export interface ElementHolder<T extends Element> {
  value?: T | undefined;
}

class ElementRefDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('elementRef() belongs on an element, as in <div ${elementRef(holder)}>');
  }

  render(_holder: ElementHolder<Element>) {
    return nothing;
  }

  override update(part: ElementPart, [holder]: [ElementHolder<Element>]) {
    holder.value = part.element;
    return nothing;
  }
}

export const elementRef = directive(ElementRefDirective);
