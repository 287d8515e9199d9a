import type { MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';

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
