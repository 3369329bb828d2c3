/**
 * The saved-accounts UI's messages: every name here has a message in each `_locales/<lang>/messages.json`, which
 * test/extension/locales.node.test.ts checks. A list of its own (not in popup-messages.ts) so that these names load
 * with the saved-accounts chunk, not with the popup.
 */
import type { GetMessage } from '../i18n.js';
import type { PopupMessage } from '../popup-messages.js';

export const VAULT_MESSAGES = [
  'vaultHeading', 'vaultManage', 'vaultManageHeading', 'vaultLockNow', 'vaultBack', 'vaultCancel', 'vaultApply', 'vaultFailed',
  'vaultSetupHeading', 'vaultSetupExplain', 'vaultSetupWarning', 'vaultSetupButton', 'vaultSetupAnyway',
  'vaultPassphrase', 'vaultPassphraseRepeat', 'vaultPassphraseAgain', 'vaultPassphraseOld', 'vaultPassphraseNew',
  'vaultPassphraseMismatch', 'vaultPassphraseShort', 'vaultPassphraseCommon', 'vaultPassphraseChanged', 'vaultPassphraseChangedCommon',
  'vaultLockedCount', 'vaultUnlock', 'vaultUnlocking', 'vaultWrongPassphrase', 'vaultNewerFormat', 'vaultDamagedStore', 'vaultLockedMeanwhile', 'vaultQuotaFull', 'vaultForgot',
  'vaultUnlockToSave', 'vaultNoneToFill', 'vaultPickToFill',
  'vaultThisSite', 'vaultNoneHere', 'vaultOthers', 'vaultFilter', 'vaultNoSite', 'vaultCopy', 'vaultCopied', 'vaultCopyFailed', 'vaultFill',
  'vaultDamaged', 'vaultDelete', 'vaultDeleted', 'vaultDeleteConfirm',
  'vaultSaveHeading', 'vaultSaveSite', 'vaultSaveNoSite', 'vaultLabel', 'vaultSite', 'vaultSiteInvalid', 'vaultSaveButton', 'vaultSaved', 'vaultDuplicate',
  'vaultSaveChanges', 'vaultChanged',
  'vaultAutoLock', 'vaultAutoLockRange', 'vaultAutoLockSet',
  'vaultChangePassphrase', 'vaultDeleteAll', 'vaultDeleteAllExplain', 'vaultDeleteAllConfirm', 'vaultAllDeleted',
  'vaultExport', 'vaultExportWarning', 'vaultExportSite', 'vaultExportAll', 'vaultFormatUris', 'vaultFormatJson', 'vaultDownload',
  'vaultImport', 'vaultImportFile', 'vaultImportPaste', 'vaultImportCheck', 'vaultImportSite', 'vaultImportNoSite', 'vaultImportRefused', 'vaultImportLine', 'vaultImportNothing', 'vaultImportDuplicates', 'vaultImportInvalid', 'vaultImportNotKey', 'vaultImportNotOurs',
  'vaultImportConfirm', 'vaultImported',
] as const;

export type VaultMessage = (typeof VAULT_MESSAGES)[number];

/** A message in the popup's language, `$1`… filled from `values`. */
export type Say = (name: VaultMessage | PopupMessage, ...values: string[]) => string;

export function vaultSay(getMessage: GetMessage): Say {
  return (name, ...values) => getMessage(name, values);
}
