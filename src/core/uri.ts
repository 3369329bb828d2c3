/**
 * The otpauth:// Key URI that authenticator apps read from the QR code.
 */
import type { TotpParameters } from './parameters.js';

/**
 * Builds the Key URI exactly as the hosted API did: label `enc(issuer):enc(account)`, then
 * `secret, issuer, digits, period, algorithm` in that order, all written even when they are the defaults.
 *
 * Each label part is percent-encoded on its own (spaces as `%20`: apps show a `+` literally), and the colon between
 * them stays literal. Without an issuer the label is the account alone and there is no `issuer` parameter.
 */
export function buildKeyUri(parameters: TotpParameters, secretBase32: string): string {
  const { issuer, accountName, digits, period, algorithm } = parameters;
  const label = issuer ? `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}` : encodeURIComponent(accountName);
  const issuerParameter = issuer ? `&issuer=${encodeURIComponent(issuer)}` : '';
  return `otpauth://totp/${label}?secret=${secretBase32}${issuerParameter}&digits=${digits}&period=${period}&algorithm=${algorithm}`;
}
