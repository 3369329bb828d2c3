// Deliberate misuse: this file must NOT type-check (scripts/examples.mjs expects the error). `totp-verify` carries
// `{valid, offset}`, not the secret: Angular's strict template check types `$event` from the element's event map.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'totp-enroll/define';
import type { TotpVerifyEvent } from 'totp-enroll/element';

@Component({
  selector: 'app-misuse',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<totp-generator account-name="alice@example.com" (totp-verify)="save($event.detail.secret)"></totp-generator>`,
})
export class MisuseComponent {
  last?: TotpVerifyEvent;

  save(secret: string) {
    return secret;
  }
}
