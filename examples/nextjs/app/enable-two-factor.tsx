'use client';

import { useState, type FormEvent } from 'react';
import 'totp-enroll/define';
import type { TotpGenerator, TotpVerifyEvent } from 'totp-enroll/element';

/** A client component: the element is upgraded in the browser; on the server it renders as a plain tag. */
export function EnableTwoFactor({ email }: { email: string }) {
  // The form's state: the secret, once the visitor has typed a correct code from their app.
  const [secret, setSecret] = useState('');
  const [submitted, setSubmitted] = useState('');

  function onVerify(event: TotpVerifyEvent) {
    setSecret(event.detail.valid ? (event.target as TotpGenerator).secret : '');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A real app sends this to its server, which verifies a code itself before storing the secret.
    const body = new FormData(event.currentTarget);
    setSubmitted(JSON.stringify({ secret, formData: body.get('totp_secret') }));
  }

  return (
    <form onSubmit={onSubmit}>
      <totp-generator name="totp_secret" issuer="Example" account-name={email} require-verification ontotp-verify={onVerify} />
      <p id="verified">{secret ? 'Code verified.' : 'Type the code from your app to continue.'}</p>
      <button id="enable" disabled={!secret}>Turn on two-factor sign-in</button>
      {submitted && <output id="submitted">{submitted}</output>}
    </form>
  );
}
