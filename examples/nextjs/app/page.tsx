// A server component: it renders the client component below, on the server and then in the browser.
import { EnableTwoFactor } from './enable-two-factor';

export default function Page() {
  return (
    <main>
      <h1>Security settings</h1>
      <EnableTwoFactor email="alice@example.com" />
    </main>
  );
}
