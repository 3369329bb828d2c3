/**
 * Spanish strings for `<totp-generator>`: `el.strings = es`. A separate module, so that pages which do not import it
 * do not ship it. The core's error details (`problem`, `allowed`) stay English.
 *
 * Addressed as «usted», which reads right in Spain and Latin America alike. The compatibility sentences are written
 * so that they read right for one app or a list of apps (no verb to agree).
 */
import type { TotpGeneratorStrings } from './strings.js';

export const es: TotpGeneratorStrings = {
  lang: 'es',
  qrTitle: 'Código QR para su aplicación de autenticación',
  scanHint: 'Escanee este código QR con su aplicación de autenticación.',
  secretHeading: '¿No puede escanearlo? Introduzca esta clave en su lugar:',
  uriHeading: 'Enlace de configuración (otpauth://)',
  codeHeading: 'Código actual',
  copy: 'Copiar',
  copied: 'Copiado',
  copySecret: 'Copiar la clave',
  copyUri: 'Copiar el enlace',
  copyCode: 'Copiar el código',
  copyFailed: 'Este navegador no permite copiar aquí. El texto está seleccionado: cópielo manualmente.',
  readCode: 'Leer el código',
  codeAnnouncement: (code, seconds) => `Código actual: ${code}. Cambia en ${seconds} segundos.`,
  verifyLabel: 'Introduzca el código de su aplicación',
  verifyButton: 'Verificar',
  verifyValid: 'Correcto: su aplicación está configurada.',
  verifyMismatch: 'Ese código no coincide. Compruebe que su aplicación ha escaneado este código QR e introduzca su código más reciente.',
  verifyFormat: (digits) => `Introduzca el código de ${digits} dígitos que muestra su aplicación.`,
  verificationRequired: 'Introduzca el código de su aplicación de autenticación para confirmar que está configurada.',
  downloadPng: 'Descargar PNG',
  downloadSvg: 'Descargar SVG',
  regenerate: 'Nueva clave',
  weakSecret: 'Esta clave tiene menos de 128 bits, el mínimo que exige la RFC 4226. Una clave nueva y más larga es más segura.',
  compatibilityHeading: 'No todas las aplicaciones de autenticación admiten esta configuración',
  wrongCodes: (apps, setting) => `${apps}: códigos incorrectos por ${setting}.`,
  refuses: (apps, setting) => `${apps}: código QR rechazado por ${setting}.`,
  unsupported: (apps, setting) => `${apps}: sin compatibilidad con ${setting}.`,
  compatibleApps: (apps) => `${apps} admiten cualquier configuración. SHA1, 6 dígitos y 30 segundos funcionan en todas las aplicaciones.`,
  settingAlgorithm: (algorithm) => `el algoritmo ${algorithm}`,
  settingDigits: (digits) => `los códigos de ${digits} dígitos`,
  settingPeriod: (period) => `el periodo de ${period} segundos`,
  insecureContext:
    'Esta página necesita HTTPS (o localhost): los navegadores solo permiten la criptografía de los códigos de un solo uso en páginas seguras. Ábrala mediante https://.',
  recoveryCodesHeading: 'Códigos de recuperación',
  recoveryCodesNote:
    'Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez, sin su aplicación de autenticación. Guárdelos en un lugar seguro, lejos de su teléfono.',
  recoveryCodesTitle: (account) => `Códigos de recuperación para ${account}`,
  copyRecoveryCodes: 'Copiar los códigos de recuperación',
  downloadRecoveryCodes: 'Descargar TXT',
  printRecoveryCodes: 'Imprimir',
  printBlocked: 'El navegador ha bloqueado la ventana de impresión. Descargue los códigos e imprima el archivo.',
  recoveryCodesSaved: 'He guardado estos códigos',
  recoveryCodesNext: 'Ahora guarde sus códigos de recuperación, que aparecen abajo.',
  verificationAndRecoveryRequired: 'Introduzca el código de su aplicación de autenticación y, después, guarde sus códigos de recuperación.',
  recoveryCodesRequired: 'Guarde sus códigos de recuperación y, después, marque «He guardado estos códigos».',
  invalidAttribute: (field, problem, allowed) => `Atributo ${field} no válido: ${problem}. Valores permitidos: ${allowed}.`,
};
