'use client';

// Deliberate misuse: this file must NOT type-check (scripts/examples.mjs expects the error). `digits` is 6 or 8.
import 'totp-enroll/define';
import type {} from 'totp-enroll/jsx';

export const Misuse = () => <totp-generator account-name="alice@example.com" digits={7} />;
