'use client';

import { useState, type FormEvent } from 'react';
import type { TotpGenerator as TotpGeneratorElement } from 'totp-enroll/element';
import { TotpGenerator } from 'totp-enroll/react';

/**
 * A client component: rendered on the server as a plain tag, upgraded in the browser, where the secret is made.
 *
 * It uses the wrapper `totp-enroll/react` (made with @lit/react; it registers the tag), whose `onVerify`/`onChange`
 * props listen once React has hydrated. `<totp-generator ontotp-verify={…}>` would not work here: React 19 does not
 * attach a custom element's `on…` handlers when it hydrates server-rendered HTML (react/react#35446).
 */
export function EnableTwoFactor({ email }: { email: string }) {
  // The form's state: the element's value, which is the secret once the visitor has typed a correct code from their
  // app ('' before); `change` fires when it changes.
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('Type the code from your app to continue.');
  const [submitted, setSubmitted] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A real app sends this to its server, which verifies a code itself before storing the secret.
    const body = new FormData(event.currentTarget);
    setSubmitted(JSON.stringify({ secret, formData: body.get('totp_secret') }));
  }

  return (
    <form onSubmit={onSubmit}>
      <TotpGenerator
        name="totp_secret"
        issuer="Example"
        accountName={email}
        requireVerification
        onChange={(event) => setSecret((event.target as TotpGeneratorElement).value)}
        onVerify={(event) => setMessage(event.detail.valid ? 'Code verified.' : 'That code does not match. Try the next one.')}
      />
      <p id="verified">{message}</p>
      <button id="enable" disabled={!secret}>Turn on two-factor sign-in</button>
      {submitted && <output id="submitted">{submitted}</output>}
    </form>
  );
}
