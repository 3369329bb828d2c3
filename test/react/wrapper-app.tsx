// A React app using `totp-enroll/react` as an app would: props set as element properties (accountName, strings), the
// element's events heard through onEnroll/onVerify/onChange. What it saw goes into window.seen for the test to read.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TotpGenerator } from 'totp-enroll/react';

interface Seen { enroll: string[]; verify: boolean[]; change: string[]; renders: number }
const seen: Seen = { enroll: [], verify: [], change: [], renders: 0 };
(window as unknown as { seen: Seen }).seen = seen;

function App() {
  const [secret, setSecret] = useState('');
  seen.renders++;
  return (
    <form>
      <TotpGenerator
        accountName="ada@example.com"
        issuer="Wrapper"
        name="totp_secret"
        requireVerification
        strings={{ codeHeading: 'Your code' }}
        onEnroll={(event) => seen.enroll.push(event.detail.secret)}
        onVerify={(event) => seen.verify.push(event.detail.valid)}
        onChange={(event) => {
          const value = (event.target as HTMLInputElement).value;
          seen.change.push(value);
          setSecret(value);
        }}
      />
      <output id="state">{secret ? 'verified' : 'waiting'}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
