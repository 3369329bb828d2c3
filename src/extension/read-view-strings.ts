/** The `<read-enrollment>` view's words in the popup's language, under a heading: shared by Read, Paste and saved accounts. */
import type { GetMessage } from './i18n.js';
import type { ReadViewStrings } from './read-view.js';

export function readViewStrings(getMessage: GetMessage, heading: string): ReadViewStrings {
  return {
    heading,
    issuer: getMessage('issuerLabel'),
    accountName: getMessage('accountNameLabel'),
    digits: getMessage('digitsLabel'),
    period: getMessage('periodLabel'),
    algorithm: getMessage('algorithmLabel'),
    noIssuer: getMessage('viewNoIssuer'),
    nextCode: getMessage('viewNextCode'),
  };
}
