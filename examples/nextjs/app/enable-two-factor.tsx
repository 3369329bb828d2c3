'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import 'totp-enroll/define';
import type { TotpGenerator, TotpVerifyEvent } from 'totp-enroll/element';

/**
 * A client component: rendered on the server as a plain tag, upgraded in the browser, where the secret is made.
 *
 * The listener is added in an effect, not with `ontotp-verify={…}`: React 19 does not attach a custom element's
 * `on…` handlers when it hydrates server-rendered HTML, only on a later client render (react/react#35446), so the
 * handler would never run here. An effect runs after hydration in every case (and in React 18 too).
 */
export function EnableTwoFactor({ email }: { email: string }) {
  // The form's state: the secret, once the visitor has typed a correct code from their app.
  const [secret, setSecret] = useState('');
  const [submitted, setSubmitted] = useState('');
  const generator = useRef<TotpGenerator>(null);

  useEffect(() => {
    const element = generator.current!;
    const onVerify = (event: TotpVerifyEvent) => setSecret(event.detail.valid ? element.secret : '');
    element.addEventListener('totp-verify', onVerify);
    return () => element.removeEventListener('totp-verify', onVerify);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A real app sends this to its server, which verifies a code itself before storing the secret.
    const body = new FormData(event.currentTarget);
    setSubmitted(JSON.stringify({ secret, formData: body.get('totp_secret') }));
  }

  return (
    <form onSubmit={onSubmit}>
      <totp-generator ref={generator} name="totp_secret" issuer="Example" account-name={email} require-verification />
      <p id="verified">{secret ? 'Code verified.' : 'Type the code from your app to continue.'}</p>
      <button id="enable" disabled={!secret}>Turn on two-factor sign-in</button>
      {submitted && <output id="submitted">{submitted}</output>}
    </form>
  );
}
