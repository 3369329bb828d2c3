import { useState, type FormEvent } from 'react';
import 'totp-enroll/define';
import type { TotpGenerator, TotpVerifyEvent } from 'totp-enroll/element';
import type {} from 'totp-enroll/jsx'; // <totp-generator> in JSX: attributes, properties, ontotp-* events

/** React 19: the element used directly, typed by totp-enroll's JSX types; React 19 listens to `ontotp-verify`. */
export function EnableTwoFactor({ email }: { email: string }) {
  // The form's state: the secret, once the visitor has typed a correct code from their app.
  const [secret, setSecret] = useState('');
  const [submitted, setSubmitted] = useState('');

  function onVerify(event: TotpVerifyEvent) {
    // `value` is the secret once a code is verified, '' otherwise (the element's form contract).
    setSecret(event.detail.valid ? (event.target as TotpGenerator).value : '');
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
