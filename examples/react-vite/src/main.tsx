import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EnableTwoFactor } from './EnableTwoFactor';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Security settings</h1>
    <EnableTwoFactor email="alice@example.com" />
  </StrictMode>,
);
