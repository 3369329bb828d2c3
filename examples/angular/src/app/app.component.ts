import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import 'totp-enroll/define';
import type { TotpVerifyEvent } from 'totp-enroll/element';

@Component({
  selector: 'app-root',
  imports: [ReactiveFormsModule],
  // Angular renders <totp-generator> as the custom element it is.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // ngDefaultControl: Angular's own accessor for text fields (reads `value` on `input`, sets `disabled`) serves the
  // element, whose value is the secret once the visitor has typed a correct code from their app, '' before.
  template: `
    <h1>Security settings</h1>
    <form [formGroup]="form" (ngSubmit)="onSubmit($event)">
      <totp-generator formControlName="secret" ngDefaultControl name="totp_secret" issuer="Example" account-name="alice@example.com" require-verification (totp-verify)="onVerify($event)"></totp-generator>
      <p id="verified">{{ message() }}</p>
      <button id="enable" [disabled]="form.invalid">Turn on two-factor sign-in</button>
      @if (submitted()) {
        <output id="submitted">{{ submitted() }}</output>
      }
    </form>
  `,
})
export class AppComponent {
  // The form's state: the secret is required, so the form is valid once a code is verified.
  readonly form = new FormGroup({ secret: new FormControl('', { nonNullable: true, validators: Validators.required }) });
  readonly message = signal('Type the code from your app to continue.');
  readonly submitted = signal('');

  onVerify(event: TotpVerifyEvent) {
    this.message.set(event.detail.valid ? 'Code verified.' : 'That code does not match. Try the next one.');
  }

  onSubmit(event: Event) {
    // A real app sends this to its server, which verifies a code itself before storing the secret.
    const body = new FormData((event as SubmitEvent).target as HTMLFormElement);
    this.submitted.set(JSON.stringify({ secret: this.form.getRawValue().secret, formData: body.get('totp_secret') }));
  }
}
