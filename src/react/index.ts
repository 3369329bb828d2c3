/**
 * `<TotpGenerator>` for React, made with Lit's own `@lit/react` (an optional peer dependency: install it with React).
 * For React 18, which can neither set properties nor listen to custom events on a custom element, and for React apps
 * that prefer `onEnroll`/`onVerify` props: every prop that is an element property is set as one (`strings`,
 * `accountName`, …), every `on…` prop below listens to the element's event. Importing this module registers
 * `<totp-generator>` (as `totp-enroll/define` does). React 19 apps may use `<totp-generator>` directly with
 * `totp-enroll/jsx`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { TotpGenerator as TotpGeneratorElement } from '../element/define.js';
import type { TotpCopyEvent, TotpEnrollEvent, TotpErrorEvent, TotpVerifyEvent } from '../element/index.js';
import type { TotpGeneratorJsxAttributes } from '../frameworks/jsx.js';

/** The props and the events they listen to. `onInput`/`onChange`: the element's `value` changed (see docs/element.md). */
const events = {
  onEnroll: 'totp-enroll' as EventName<TotpEnrollEvent>,
  onVerify: 'totp-verify' as EventName<TotpVerifyEvent>,
  onCopy: 'totp-copy' as EventName<TotpCopyEvent>,
  onError: 'totp-error' as EventName<TotpErrorEvent>,
  onInput: 'input' as EventName<Event>,
  onChange: 'change' as EventName<Event>,
};

const Wrapped = createComponent({
  react: React,
  tagName: 'totp-generator',
  elementClass: TotpGeneratorElement,
  events,
  displayName: 'TotpGenerator',
});

/** The attributes with a narrower type than the class's (which also holds what an invalid attribute set). */
type Narrowed = 'digits' | 'period' | 'algorithm' | 'headingLevel' | 'recoveryCodes';

/** The props: the element's properties (`digits` is `6 | 8`, `algorithm` one of the three spellings, …), the on… props above, a ref to the element. */
export type TotpGeneratorProps = Omit<React.ComponentPropsWithoutRef<typeof Wrapped>, Narrowed> & Pick<TotpGeneratorJsxAttributes, Narrowed> & React.RefAttributes<TotpGeneratorElement>;

export const TotpGenerator = Wrapped as unknown as React.ForwardRefExoticComponent<TotpGeneratorProps>;
