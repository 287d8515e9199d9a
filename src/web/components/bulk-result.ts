import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { DETAILED_CODES, ERROR_EXPLANATIONS } from '@/web/api/error-explanations';

/** What happened to one device in a bulk action; the report and its CSV are built from these. */
export interface BulkResult {
  id: number;
  name: string;
  outcome: 'succeeded' | 'failed' | 'skipped';
  /** Why it failed or was skipped, in the service's words where it gave any. */
  reason?: string;
  code?: string;
  requestId?: string;
}

export const OUTCOME_LABELS: Record<BulkResult['outcome'], MessageDescriptor> = {
  succeeded: msg`Succeeded`,
  failed: msg`Failed`,
  skipped: msg`Not attempted`,
};

export function countOutcomes(results: readonly BulkResult[]): Record<BulkResult['outcome'], number> {
  const counts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** The ones worth another try: refused or never sent. */
export const retryable = (results: readonly BulkResult[]): BulkResult[] => results.filter((r) => r.outcome !== 'succeeded');

// Reasons the console gives for devices it did not send, in the language on screen when the run stops.
export const cancelledReason = (): string => t`Cancelled before this device was sent.`;
export const sessionEndedReason = (): string => t`Not sent: the session ended.`;

/**
 * A refusal's reason for the report, which shows its code beside it: in English the service's own
 * message; in another language the console's explanation of a known code (with the service's words
 * where the explanation is general), else the service's message.
 */
export function refusalReason(code: string | undefined, message: string): string {
  const explanation = code === undefined || i18n.locale === 'en' ? undefined : ERROR_EXPLANATIONS[code];
  if (!explanation) return message;
  const meaning = i18n._(explanation);
  return code !== undefined && DETAILED_CODES.has(code) ? `${meaning} ${message}` : meaning;
}
