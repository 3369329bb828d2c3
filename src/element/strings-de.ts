/**
 * German strings for `<totp-generator>`: `el.strings = de`. A separate module, so that pages which do not import it
 * do not ship it. The core's error details (`problem`, `allowed`) stay English.
 */
import type { TotpGeneratorStrings } from './strings.js';

export const de: TotpGeneratorStrings = {
  lang: 'de',
  qrTitle: 'QR-Code für Ihre Authenticator-App',
  scanHint: 'Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.',
  secretHeading: 'Scannen klappt nicht? Geben Sie stattdessen diesen Schlüssel ein:',
  uriHeading: 'Einrichtungslink (otpauth://)',
  codeHeading: 'Aktueller Code',
  copy: 'Kopieren',
  copied: 'Kopiert',
  copySecret: 'Schlüssel kopieren',
  copyUri: 'Link kopieren',
  copyCode: 'Code kopieren',
  copyFailed: 'Dieser Browser erlaubt hier kein Kopieren. Der Text ist markiert: Kopieren Sie ihn selbst.',
  readCode: 'Code vorlesen',
  codeAnnouncement: (code, seconds) => `Aktueller Code: ${code}. Er wechselt in ${seconds} Sekunden.`,
  verifyLabel: 'Code aus Ihrer App eingeben',
  verifyButton: 'Prüfen',
  verifyValid: 'Richtig: Ihre App ist eingerichtet.',
  verifyMismatch: 'Dieser Code passt nicht. Prüfen Sie, ob Ihre App diesen QR-Code gescannt hat, und geben Sie den neuesten Code ein.',
  verifyFormat: (digits) => `Geben Sie den ${digits}-stelligen Code aus Ihrer App ein.`,
  verificationRequired: 'Geben Sie den Code aus Ihrer Authenticator-App ein, um die Einrichtung zu bestätigen.',
  downloadPng: 'PNG herunterladen',
  downloadSvg: 'SVG herunterladen',
  regenerate: 'Neuer Schlüssel',
  weakSecret: 'Dieser Schlüssel ist kürzer als 128 Bit, das Minimum nach RFC 4226. Ein neuer, längerer Schlüssel ist sicherer.',
  compatibilityHeading: 'Nicht jede Authenticator-App kommt mit diesen Einstellungen zurecht',
  wrongCodes: (apps, setting) => `${apps} würde falsche Codes anzeigen, wegen ${setting}.`,
  refuses: (apps, setting) => `${apps} würde diesen QR-Code ablehnen, wegen ${setting}.`,
  unsupported: (apps, setting) => `${apps}: keine Unterstützung ${setting}.`,
  compatibleApps: (apps) => `${apps} unterstützen alle Einstellungen. SHA1, 6 Stellen und 30 Sekunden funktionieren in jeder App.`,
  settingAlgorithm: (algorithm) => `des Algorithmus ${algorithm}`,
  settingDigits: (digits) => `${digits}-stelliger Codes`,
  settingPeriod: (period) => `des Intervalls von ${period} Sekunden`,
  insecureContext:
    'Diese Seite braucht HTTPS (oder localhost): Browser erlauben die Kryptografie für Einmal-Codes nur auf sicheren Seiten. Öffnen Sie sie über https://.',
  invalidAttribute: (field, problem, allowed) => `Ungültiges ${field}: ${problem}. Erlaubt: ${allowed}.`,
};
