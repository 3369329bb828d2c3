/**
 * French strings for `<totp-generator>`: `el.strings = fr`. A separate module, so that pages which do not import it
 * do not ship it. The core's error details (`problem`, `allowed`) stay English.
 *
 * French typography: a narrow no-break space (U+202F) before `?`, a no-break space (U+00A0) before `:`. The
 * compatibility sentences are written so that they read right for one app or a list of apps (no verb to agree).
 */
import type { TotpGeneratorStrings } from './strings.js';

export const fr: TotpGeneratorStrings = {
  lang: 'fr',
  qrTitle: 'Code QR pour votre application d’authentification',
  scanHint: 'Scannez ce code QR avec votre application d’authentification.',
  secretHeading: 'Impossible de scanner\u202f? Saisissez plutôt cette clé\u00a0:',
  uriHeading: 'Lien de configuration (otpauth://)',
  codeHeading: 'Code actuel',
  copy: 'Copier',
  copied: 'Copié',
  copySecret: 'Copier la clé',
  copyUri: 'Copier le lien',
  copyCode: 'Copier le code',
  copyFailed: 'Ce navigateur n’autorise pas la copie ici. Le texte est sélectionné\u00a0: copiez-le vous-même.',
  readCode: 'Lire le code',
  codeAnnouncement: (code, seconds) => `Code actuel\u00a0: ${code}. Il change dans ${seconds} secondes.`,
  verifyLabel: 'Saisissez le code affiché par votre application',
  verifyButton: 'Vérifier',
  verifyValid: 'Correct\u00a0: votre application est configurée.',
  verifyMismatch: 'Ce code ne correspond pas. Vérifiez que votre application a bien scanné ce code QR, puis saisissez son code le plus récent.',
  verifyFormat: (digits) => `Saisissez le code à ${digits} chiffres affiché par votre application.`,
  verificationRequired: 'Saisissez le code de votre application d’authentification pour confirmer qu’elle est configurée.',
  downloadPng: 'Télécharger en PNG',
  downloadSvg: 'Télécharger en SVG',
  regenerate: 'Nouvelle clé',
  weakSecret: 'Cette clé fait moins de 128 bits, le minimum exigé par la RFC 4226. Une nouvelle clé, plus longue, est plus sûre.',
  compatibilityHeading: 'Toutes les applications d’authentification ne prennent pas en charge ces paramètres',
  wrongCodes: (apps, setting) => `${apps}\u00a0: codes erronés à cause de ${setting}.`,
  refuses: (apps, setting) => `${apps}\u00a0: code QR refusé à cause de ${setting}.`,
  unsupported: (apps, setting) => `${apps}\u00a0: pas de prise en charge de ${setting}.`,
  compatibleApps: (apps) => `${apps} prennent en charge tous les paramètres. SHA1, 6 chiffres et 30 secondes fonctionnent dans toutes les applications.`,
  settingAlgorithm: (algorithm) => `l’algorithme ${algorithm}`,
  settingDigits: (digits) => `la longueur des codes (${digits} chiffres)`,
  settingPeriod: (period) => `la période de ${period} secondes`,
  insecureContext:
    'Cette page nécessite HTTPS (ou localhost)\u00a0: les navigateurs n’autorisent la cryptographie des codes à usage unique que sur les pages sécurisées. Ouvrez-la en https://.',
  recoveryCodesHeading: 'Codes de récupération',
  recoveryCodesNote:
    'Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois, sans votre application d’authentification. Conservez-les en lieu sûr, à l’écart de votre téléphone.',
  recoveryCodesTitle: (account) => `Codes de récupération pour ${account}`,
  copyRecoveryCodes: 'Copier les codes de récupération',
  downloadRecoveryCodes: 'Télécharger en TXT',
  printRecoveryCodes: 'Imprimer',
  printBlocked: 'Le navigateur a bloqué la fenêtre d’impression. Téléchargez plutôt les codes, puis imprimez le fichier.',
  recoveryCodesSaved: 'J’ai conservé ces codes en lieu sûr',
  recoveryCodesNext: 'Conservez maintenant vos codes de récupération, ci-dessous.',
  verificationAndRecoveryRequired: 'Saisissez le code de votre application d’authentification, puis conservez vos codes de récupération.',
  recoveryCodesRequired: 'Conservez vos codes de récupération, puis cochez «\u00a0J’ai conservé ces codes en lieu sûr\u00a0».',
  invalidAttribute: (field, problem, allowed) => `Attribut ${field} non valide\u00a0: ${problem}. Valeurs autorisées\u00a0: ${allowed}.`,
};
