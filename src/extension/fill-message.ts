/** What Fill did, as the name of the popup message that says it: shared by Fill on show and Fill of a saved account. */
import type { FillResult } from './fill-code.js';
import type { PopupMessage } from './popup-messages.js';

export function fillMessage(result: FillResult | undefined): PopupMessage {
  if (!result) return 'fillRefused';
  if (result.filled) return 'fillDone';
  return ({ 'no-field': 'fillNoField', 'several-fields': 'fillSeveralFields', 'cross-origin-frame': 'fillCrossOrigin' } as const)[result.reason];
}
