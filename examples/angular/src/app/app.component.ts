import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import 'totp-enroll/define';
import type { TotpGenerator, TotpVerifyEvent } from 'totp-enroll/element';

@Component({
  selector: 'app-root',
  imports: [ReactiveFormsModule],
  // Angular renders <totp-generator> as the custom element it is.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>Security settings</h1>
    <form [formGroup]="form" (ngSubmit)="onSubmit($event)">
      <totp-generator name="totp_secret" issuer="Example" account-name="alice@example.com" require-verification (totp-verify)="onVerify($event)"></totp-generator>
      <p id="verified">{{ form.valid ? 'Code verified.' : 'Type the code from your app to continue.' }}</p>
      <button id="enable" [disabled]="form.invalid">Turn on two-factor sign-in</button>
      @if (submitted()) {
        <output id="submitted">{{ submitted() }}</output>
      }
    </form>
  `,
})
export class AppComponent {
  // The form's state: the secret, once the visitor has typed a correct code from their app.
  readonly form = new FormGroup({ secret: new FormControl('', { nonNullable: true, validators: Validators.required }) });
  readonly submitted = signal('');

  onVerify(event: TotpVerifyEvent) {
    this.form.controls.secret.setValue(event.detail.valid ? (event.target as TotpGenerator).secret : '');
  }

  onSubmit(event: Event) {
    // A real app sends this to its server, which verifies a code itself before storing the secret.
    const body = new FormData((event as SubmitEvent).target as HTMLFormElement);
    this.submitted.set(JSON.stringify({ secret: this.form.getRawValue().secret, formData: body.get('totp_secret') }));
  }
}
