/**
 * `input` and `change` on the host when its `value` changes, as a built-in field fires them: what frameworks' form
 * bindings (Vue's `v-model`, Angular's DefaultValueAccessor) listen to before reading `value`.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export class ValueEventsController implements ReactiveController {
  private _last = '';

  constructor(
    private readonly _host: ReactiveElement,
    /** Read after every update. */
    private readonly _value: () => string,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const value = this._value();
    if (value === this._last) return;
    this._last = value;
    // `input` is composed like a native one (it is heard outside a shadow root the host sits in); `change` is not.
    this._host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this._host.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
