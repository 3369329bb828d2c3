/**
 * Export and import of saved accounts, for automated tests (issue 18): a list of otpauth:// URIs, one a line, or
 * JSON; and any single URI pasted. Both directions use the core's one Key URI code (`buildKeyUri`, `parseKeyUri` via
 * Read's `keyUriOutcome`), so an imported line is refused exactly as Read refuses it (hotp, migration, bad fields).
 *
 * Export asks for the passphrase again: the file holds the secrets in clear, and a popup left unlocked should not be
 * enough to take them away. Import never saves at once: it returns a preview (good accounts, and each refused line
 * with its number and reason) that the popup shows; {@link importAccounts} saves the good ones after the developer
 * confirms.
 */
import { buildKeyUri, type TotpParameterError } from '../../core/index.js';
import { keyUriOutcome } from '../read-outcome.js';
import { parseSite } from './site.js';
import { LABEL_MAX_LENGTH, type AddResult, type NewAccount, type SavedAccount, type Vault } from './vault.js';

export type ExportFormat = 'uris' | 'json';

/** The JSON export's `format` field; import recognises a file by it. */
export const EXPORT_JSON_FORMAT = 'totp-enroll/saved-accounts';
export const EXPORT_JSON_VERSION = 1;

/** One account in a JSON export: the Key URI (what any authenticator or test library reads) and what the URI cannot hold. */
export interface ExportedAccount {
  readonly uri: string;
  readonly label: string;
  readonly site: string | null;
  /** ISO 8601. */
  readonly savedAt: string;
}

export interface ExportedFile {
  readonly format: typeof EXPORT_JSON_FORMAT;
  readonly version: number;
  readonly warning: string;
  readonly accounts: readonly ExportedAccount[];
}

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Only this site's accounts (`null`: those without a site); left out: all. */
  readonly site?: string | null;
}

export interface ExportResult {
  readonly text: string;
  /** Accounts in `text`. */
  readonly count: number;
  /** Ids of damaged records that could not be exported. */
  readonly damaged: readonly string[];
}

export const EXPORT_WARNING = 'This file holds the secrets of these test accounts in clear: anyone with it can make their codes.';

/** The Key URI of a saved account (core's buildKeyUri: the same URI the popup shows and its QR code holds). */
export function accountUri(account: SavedAccount): string {
  return buildKeyUri(account, account.secret);
}

/**
 * The accounts as a file, after the passphrase is typed again. @throws {VaultError} `wrong-passphrase`, `no-store`, …
 */
export async function exportAccounts(vault: Vault, passphrase: string, options: ExportOptions): Promise<ExportResult> {
  const entries = await vault.openWithPassphrase(passphrase);
  const accounts = entries.flatMap((entry) => (entry.kind === 'account' && (options.site === undefined || entry.account.site === options.site) ? [entry.account] : []));
  const damaged = entries.flatMap((entry) => (entry.kind === 'damaged' ? [entry.id] : []));
  return { text: formatExport(accounts, options.format), count: accounts.length, damaged };
}

/** The export text of `accounts` (no passphrase: for callers that hold them already). */
export function formatExport(accounts: readonly SavedAccount[], format: ExportFormat): string {
  if (format === 'uris') return accounts.map((account) => `${accountUri(account)}\n`).join('');
  const file: ExportedFile = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    warning: EXPORT_WARNING,
    accounts: accounts.map((account) => ({ uri: accountUri(account), label: account.label, site: account.site, savedAt: new Date(account.savedAt).toISOString() })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why one line (or JSON entry) is not imported. */
export type ImportRefusalReason =
  /** A counter-based (hotp) URI: refused as Read refuses it. */
  | 'hotp'
  /** An otpauth-migration:// export of several accounts: refused as Read refuses it. */
  | 'migration'
  /** An otpauth://totp URI with a bad field (`field`, `message` say which and why). */
  | 'invalid'
  /** Not an otpauth URI at all. */
  | 'not-a-key-uri'
  /** JSON that is not our export (or a newer version of it), or an entry without a `uri`, or a bad `site`. */
  | 'not-our-json';

export interface ImportRefusal {
  /** The line number (1-based) in a URI list; in a JSON file, the entry's number (1-based), 0 for the file itself. */
  readonly line: number;
  readonly reason: ImportRefusalReason;
  /** The field at fault for `invalid` (and `site` for a bad site). */
  readonly field?: string;
  /** In words, for the popup; never the secret. */
  readonly message: string;
}

export interface ImportCandidate {
  readonly line: number;
  readonly account: NewAccount;
  /** The same secret is saved for the same site already: it will be skipped. */
  readonly duplicate: boolean;
}

export interface ImportPreview {
  readonly format: 'uris' | 'json';
  readonly accounts: readonly ImportCandidate[];
  readonly refused: readonly ImportRefusal[];
}

/**
 * Reads an import text (a URI list, our JSON, or one URI) without saving anything. Lines that are empty or start
 * with `#` are skipped. URIs take `site` (the site the developer imports into; `null` for none); JSON entries keep
 * their own site and label. Pure: no store needed.
 */
export function parseImport(text: string, site: string | null): Omit<ImportPreview, 'accounts'> & { accounts: readonly Omit<ImportCandidate, 'duplicate'>[] } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed);
  const accounts: Omit<ImportCandidate, 'duplicate'>[] = [];
  const refused: ImportRefusal[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const read = readUri(line, index + 1);
    if ('reason' in read) refused.push(read);
    else accounts.push({ line: index + 1, account: { ...read, site } });
  });
  return { format: 'uris', accounts, refused };
}

/** {@link parseImport}, with each account marked when the same secret is saved for the same site already. Needs the store unlocked. */
export async function previewImport(vault: Vault, text: string, site: string | null): Promise<ImportPreview> {
  const parsed = parseImport(text, site);
  const saved = (await vault.list()).flatMap((entry) => (entry.kind === 'account' ? [entry.account] : []));
  const seen = new Set(saved.map((account) => `${account.site} ${account.secret}`));
  const accounts = parsed.accounts.map((candidate) => {
    const key = `${candidate.account.site} ${candidate.account.secret}`;
    const duplicate = seen.has(key);
    seen.add(key);
    return { ...candidate, duplicate };
  });
  return { ...parsed, accounts };
}

/** Saves the preview's good accounts (after the developer confirmed), in one write; duplicates are skipped. */
export function importAccounts(vault: Vault, preview: ImportPreview): Promise<AddResult[]> {
  return vault.addMany(preview.accounts.map((candidate) => candidate.account));
}

type UriRead = Omit<NewAccount, 'site'> | ImportRefusal;

function readUri(text: string, line: number): UriRead {
  const outcome = keyUriOutcome(text);
  switch (outcome.kind) {
    case 'found': {
      const { parameters, secret } = outcome.key.enrollment;
      return { ...parameters, secret: secret.base32 };
    }
    case 'hotp':
      return { line, reason: 'hotp', message: 'a counter-based (hotp) key: only time-based (totp) keys are supported' };
    case 'migration':
      return { line, reason: 'migration', message: 'an otpauth-migration:// export of several accounts: export them one at a time' };
    case 'invalid':
      return { line, reason: 'invalid', field: outcome.error.field, message: safeMessage(outcome.error) };
    default:
      return { line, reason: 'not-a-key-uri', message: 'not an otpauth://totp/ Key URI' };
  }
}

/** The error's words without the value when the value may be (or hold) the secret. */
function safeMessage(error: TotpParameterError): string {
  return error.field === 'secret' || error.field === 'uri' ? `${error.field}: expected ${error.allowed}` : error.message;
}

function parseJson(text: string): ImportPreview {
  const refuse = (message: string): ImportPreview => ({ format: 'json', accounts: [], refused: [{ line: 0, reason: 'not-our-json', message }] });
  let file: Partial<ExportedFile>;
  try {
    file = JSON.parse(text) as Partial<ExportedFile>;
  } catch {
    return refuse('not valid JSON');
  }
  if (typeof file !== 'object' || file === null || file.format !== EXPORT_JSON_FORMAT || !Array.isArray(file.accounts)) return refuse(`not a file exported by this extension (no "format": "${EXPORT_JSON_FORMAT}")`);
  if (typeof file.version !== 'number' || file.version > EXPORT_JSON_VERSION) return refuse(`written by a newer version of this extension (version ${String(file.version)}; this one reads version ${EXPORT_JSON_VERSION})`);
  const accounts: ImportCandidate[] = [];
  const refused: ImportRefusal[] = [];
  file.accounts.forEach((value: unknown, index) => {
    const line = index + 1;
    const entry = value as Partial<ExportedAccount> | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.uri !== 'string') {
      refused.push({ line, reason: 'not-our-json', message: 'an entry without a "uri"' });
      return;
    }
    const read = readUri(entry.uri, line);
    if ('reason' in read) {
      refused.push(read);
      return;
    }
    const site = parseSite(entry.site);
    if (site === undefined) {
      refused.push({ line, reason: 'not-our-json', field: 'site', message: 'site: expected scheme, host and port (like http://localhost:3000) or null' });
      return;
    }
    if (entry.label !== undefined && (typeof entry.label !== 'string' || entry.label.length > LABEL_MAX_LENGTH)) {
      refused.push({ line, reason: 'not-our-json', field: 'label', message: `label: expected text of at most ${LABEL_MAX_LENGTH} characters` });
      return;
    }
    const savedAt = typeof entry.savedAt === 'string' ? Date.parse(entry.savedAt) : undefined;
    accounts.push({
      line,
      duplicate: false,
      account: { ...read, site, ...(typeof entry.label === 'string' ? { label: entry.label } : {}), ...(savedAt !== undefined && Number.isFinite(savedAt) ? { savedAt } : {}) },
    });
  });
  return { format: 'json', accounts, refused };
}
