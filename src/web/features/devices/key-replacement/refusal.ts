import { t } from '@lingui/core/macro';
import { ENOS_CODES } from '@/contracts/enos';
import { describeError, isApiError } from '@/web/api/api-error';

/** How the dialog shows a refused replacement: on the new-key field, or as an alert with its fix. */
export type Refusal = { on: 'newDeviceKey'; message: string } | { on: 'form'; message: string; needsKeySetup?: boolean };

// 99400 names the field: "Invalid arguments: newDeviceKey: <why>".
const FIELD_ISSUE = /^Invalid arguments: newDeviceKey: (.+)$/;

export function refusalOf(error: unknown, productKey: string): Refusal {
  if (!isApiError(error)) return { on: 'form', message: describeError(error) };
  switch (error.code) {
    case String(ENOS_CODES.deviceKeyExisted):
      return { on: 'newDeviceKey', message: t`Another device of product ${productKey} already uses this key. Choose a different one.` };
    case String(ENOS_CODES.deviceKeyRepetitive):
      return { on: 'newDeviceKey', message: t`This is the device’s current key. Enter a different one.` };
    case String(ENOS_CODES.invalidArguments): {
      const fieldIssue = FIELD_ISSUE.exec(error.message);
      return fieldIssue?.[1] ? { on: 'newDeviceKey', message: fieldIssue[1] } : { on: 'form', message: describeError(error) };
    }
    case String(ENOS_CODES.publicKeyNotFound):
      return {
        on: 'form',
        needsKeySetup: true,
        message: t`The service has no public key for your organisation, so it cannot seal a secret. Set up the organisation key, then replace again.`,
      };
    case String(ENOS_CODES.deviceNotFound):
      return { on: 'form', message: t`This device no longer exists. Nothing was changed.` };
    default:
      return { on: 'form', message: describeError(error) };
  }
}
