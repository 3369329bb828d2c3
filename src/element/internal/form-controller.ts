/**
 * Form association: the secret as the field's value, validity, and the disabled state a form gives the element.
 * The host declares `static formAssociated = true` and forwards the form callbacks it wants to handle.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

/** Why the host is invalid: the message the browser shows, and the control it points the user to. */
export interface ValidityProblem {
  readonly message: string;
  /** Left out when it is no longer on the page. */
  readonly anchor?: HTMLElement | undefined;
}

export class FormController implements ReactiveController {
  /** The host's ElementInternals: a host may attach them only once, so this controller owns them. */
  readonly internals: ElementInternals;
  private _disabled = false;
  /** The value last set, as text (a FormData's entries as JSON): an update that changes nothing sets nothing. */
  private _valueKey: string | undefined | null = null;

  constructor(
    private readonly _host: ReactiveElement,
    /** Read after every update: the host's current problem, or undefined when it is valid. */
    private readonly _problem: () => ValidityProblem | undefined,
    /** Read after every update too, when given: the value to submit (see `setValue`). */
    private readonly _value?: () => string | FormData | undefined,
  ) {
    this.internals = _host.attachInternals();
    _host.addController(this);
  }

  /** The element's `disabled` attribute or a disabled ancestor `<fieldset>` (the browser then submits no value). */
  get disabled(): boolean {
    return this._disabled;
  }

  /** For the host's `formDisabledCallback`. */
  set disabled(disabled: boolean) {
    this._disabled = disabled;
    this._host.requestUpdate();
  }

  /**
   * The value submitted under the host's `name`, or nothing; a FormData submits its own entries, names and all
   * (several fields from one element). The state is an explicit null: browsers keep a field's
   * state in session history (and on disk, for session restore), and the secret must not go there.
   */
  setValue(value: string | FormData | undefined): void {
    const key = value instanceof FormData ? JSON.stringify([...value]) : value;
    if (key === this._valueKey) return;
    this._valueKey = key;
    this.internals.setFormValue(value ?? null, null);
  }

  hostUpdated(): void {
    if (this._value) this.setValue(this._value());
    const problem = this._problem();
    // The anchor only while it is in the shadow tree: `setValidity` throws for one that is not, and the holders that
    // hand controls over (`elementRef`) keep the last one rendered after its part of the template went away.
    const anchor = problem?.anchor?.isConnected ? problem.anchor : undefined;
    if (problem) this.internals.setValidity({ customError: true }, problem.message, anchor);
    else this.internals.setValidity({});
  }
}
