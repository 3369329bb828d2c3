/**
 * Every user-visible string of `<totp-generator>`, in one place so that a page can replace any of them through the
 * element's `strings` property. Strings that embed values are functions of plain strings and numbers (positional,
 * so that message catalogues with `$1`, `$2` placeholders can supply them).
 *
 * Only English lives here: the self-registering bundle carries this module, and other languages are separate
 * modules (see `strings-de.ts`) that a page imports only when it wants them.
 */

export interface TotpGeneratorStrings {
  /** BCP 47 language of these strings: set as the element's `lang` (pronunciation) and used to join lists. */
  lang: string;
  /** Accessible name of the QR image. */
  qrTitle: string;
  scanHint: string;
  /** Heading of the secret written out for manual entry. */
  secretHeading: string;
  /** Summary of the collapsible otpauth:// link. */
  uriHeading: string;
  codeHeading: string;
  copy: string;
  copied: string;
  copySecret: string;
  copyUri: string;
  copyCode: string;
  /** Shown when the browser refuses clipboard access; the text is selected instead. */
  copyFailed: string;
  readCode: string;
  /** Announced (politely) only when the user asks for it with the `readCode` button. */
  codeAnnouncement: (spacedCode: string, seconds: number) => string;
  verifyLabel: string;
  verifyButton: string;
  verifyValid: string;
  verifyMismatch: string;
  verifyFormat: (digits: number) => string;
  /** The form's validation message while `require-verification` waits for a correct code. */
  verificationRequired: string;
  downloadPng: string;
  downloadSvg: string;
  regenerate: string;
  /** A bring-your-own secret under 128 bits (RFC 4226 R6). */
  weakSecret: string;
  compatibilityHeading: string;
  /** `apps` is already a joined list ("A, B and C"); `setting` one of the `setting*` phrases. */
  wrongCodes: (apps: string, setting: string) => string;
  refuses: (apps: string, setting: string) => string;
  unsupported: (apps: string, setting: string) => string;
  compatibleApps: (apps: string) => string;
  settingAlgorithm: (algorithm: string) => string;
  settingDigits: (digits: number) => string;
  settingPeriod: (period: number) => string;
  insecureContext: string;
  /** With `recovery-codes`: the section's heading, and what the codes are for (also in the .txt file and printout). */
  recoveryCodesHeading: string;
  recoveryCodesNote: string;
  /** Title of the .txt file and the printout; `account` is `Issuer (account)` or the account alone. */
  recoveryCodesTitle: (account: string) => string;
  /** Accessible name of the recovery codes' Copy button (its visible text is `copy`). */
  copyRecoveryCodes: string;
  downloadRecoveryCodes: string;
  printRecoveryCodes: string;
  /** The browser refused the window Print opens. */
  printBlocked: string;
  /** The box the user ticks once the codes are kept. */
  recoveryCodesSaved: string;
  /** Added to `verifyValid` with `recovery-codes`: the codes appear below the field. */
  recoveryCodesNext: string;
  /** The form's validation messages with `require-verification` and `recovery-codes`: before and after the code. */
  verificationAndRecoveryRequired: string;
  recoveryCodesRequired: string;
  /**
   * An invalid attribute. `field` is the attribute's name; `problem` and `allowed` come from the core's
   * `TotpParameterError` (in English).
   */
  invalidAttribute: (field: string, problem: string, allowed: string) => string;
}

export const en: TotpGeneratorStrings = {
  lang: 'en',
  qrTitle: 'QR code for your authenticator app',
  scanHint: 'Scan this QR code with your authenticator app.',
  secretHeading: "Can't scan it? Enter this key instead:",
  uriHeading: 'Setup link (otpauth://)',
  codeHeading: 'Current code',
  copy: 'Copy',
  copied: 'Copied',
  copySecret: 'Copy key',
  copyUri: 'Copy link',
  copyCode: 'Copy code',
  copyFailed: 'This browser does not allow copying here. The text is selected: copy it yourself.',
  readCode: 'Read code',
  codeAnnouncement: (code, seconds) => `Current code: ${code}. It changes in ${seconds} seconds.`,
  verifyLabel: 'Enter the code from your app',
  verifyButton: 'Check',
  verifyValid: 'Correct: your app is set up.',
  verifyMismatch: 'That code does not match. Check that your app scanned this QR code, then type its newest code.',
  verifyFormat: (digits) => `Type the ${digits}-digit code your app shows.`,
  verificationRequired: 'Enter the code from your authenticator app to confirm it is set up.',
  downloadPng: 'Download PNG',
  downloadSvg: 'Download SVG',
  regenerate: 'New secret',
  weakSecret: 'This key is shorter than 128 bits, the minimum RFC 4226 requires. A new, longer key is safer.',
  compatibilityHeading: 'Not every authenticator app handles these settings',
  wrongCodes: (apps, setting) => `${apps} would show wrong codes, because of the ${setting}.`,
  refuses: (apps, setting) => `${apps} would refuse this QR code, because of the ${setting}.`,
  unsupported: (apps, setting) => `${apps} cannot use the ${setting}.`,
  compatibleApps: (apps) => `${apps} handle every setting. SHA1, 6 digits and 30 seconds work in every app.`,
  settingAlgorithm: (algorithm) => `${algorithm} algorithm`,
  settingDigits: (digits) => `${digits}-digit codes`,
  settingPeriod: (period) => `${period}-second period`,
  insecureContext:
    'This page needs HTTPS (or localhost): browsers allow the cryptography behind one-time codes only on secure pages. Open it over https://.',
  recoveryCodesHeading: 'Recovery codes',
  recoveryCodesNote:
    'If you lose your phone, each of these codes signs you in once, without your authenticator app. Keep them somewhere safe, apart from your phone.',
  recoveryCodesTitle: (account) => `Recovery codes for ${account}`,
  copyRecoveryCodes: 'Copy recovery codes',
  downloadRecoveryCodes: 'Download TXT',
  printRecoveryCodes: 'Print',
  printBlocked: 'The browser blocked the print window. Download the codes and print the file instead.',
  recoveryCodesSaved: 'I have saved these codes',
  recoveryCodesNext: 'Now save your recovery codes below.',
  verificationAndRecoveryRequired: 'Enter the code from your authenticator app, then save your recovery codes.',
  recoveryCodesRequired: 'Save your recovery codes, then tick “I have saved these codes”.',
  invalidAttribute: (field, problem, allowed) => `Invalid ${field}: ${problem}. Allowed: ${allowed}.`,
};
