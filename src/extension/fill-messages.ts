/**
 * The message names that say what Fill did: one list for fill-tab.ts, which words them, and popup-messages.ts, which
 * lists every popup message. A module of its own with no imports, so that the list costs the popup's chunks nothing more.
 */
export const FILL_MESSAGES = [
  'fillDoneBoxes',
  'fillDoneBoxesLabelled',
  'fillDoneField',
  'fillDoneFieldLabelled',
  'fillSubmitted',
  'fillSubmitNoForm',
  'fillNoField',
  'fillSeveralFields',
  'fillCredentialFocused',
  'fillMaxLength',
  'fillGroupLength',
  'fillFrameSameSite',
  'fillFrameCrossSite',
  'fillOutOfReach',
  'fillNotKept',
  'fillRefused',
] as const;
