import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';

/**
 * What each code the service sends means, in the operator's language. The service's own messages
 * stay as the vendors' documents give them (they are API contract, in English); these are the
 * console's explanations of them. Codes the console does not know show the service's message.
 * The codes are written out rather than imported: the contracts' modules that name them hold
 * schemas the first load does not need. error-explanations.test.ts holds them to the contracts.
 */
export const ERROR_EXPLANATIONS: Readonly<Record<string, MessageDescriptor>> = {
  'SCB.00000000': msg`A value sent is not valid for this call.`,
  'ROMA.00110002': msg`This workspace (project and instance) does not exist.`,
  'ROMA.00110006': msg`The device or resource does not exist.`,
  'ROMA.00110412': msg`The device changed since you opened it.`,
  'APIGW.0301': msg`Your session has ended. Sign in again.`,
  'APIGW.0302': msg`Your role does not allow this.`,
  'APIGW.0308': msg`Too many attempts. Wait a moment and try again.`,
  'APIGW.0101': msg`The service does not offer this call.`,
  'ROMA.00000500': msg`The service failed. Try again; if it persists, give support the request ID.`,
  'CONSOLE.00000409': msg`This change conflicts with what is stored.`,
  'IOTDA.000006': msg`A value sent is not valid for this call.`,
  'IOTDA.014000': msg`The device does not exist.`,
  'IOTDA.000003': msg`Your role does not allow this.`,
  'IOTDA.000008': msg`A value sent is not valid for this call.`,
  'IOTDA.000017': msg`The page size is out of range.`,
  'IOTDA.014301': msg`The task does not exist.`,
  'IOTDA.014302': msg`The task's status does not allow this now.`,
  'IOTDA.014303': msg`The device is not a target this call can act on.`,
  '11404': msg`The device does not exist.`,
  '11702': msg`Another device already has this device key.`,
  '11704': msg`The same device key was sent twice.`,
  '11858': msg`No organisation public key is registered: register one first.`,
  '99400': msg`The service refused the values sent.`,
  '401': msg`Your session has ended. Sign in again.`,
  '99403': msg`Your role does not allow this.`,
};

/** Codes whose explanation is general: the service's own words follow it, as they name what was wrong. */
const DETAILED_CODES: ReadonlySet<string> = new Set(['SCB.00000000', 'IOTDA.000006', 'IOTDA.000008', '99400', 'CONSOLE.00000409']);

/**
 * A refusal in the operator's language: in English the service's own message (the vendor
 * documents' language); in another, the console's explanation of a known code, followed by the
 * service's words where the explanation is general. Unknown codes keep the service's message.
 */
export function explainRefusal(code: string | undefined, message: string): string {
  if (code === undefined || i18n.locale === 'en') return message;
  const explanation = ERROR_EXPLANATIONS[code];
  if (!explanation) return message;
  const meaning = i18n._(explanation);
  return DETAILED_CODES.has(code) ? t`${meaning} The service says: ${message}` : meaning;
}
