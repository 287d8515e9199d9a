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

export const OUTCOME_LABELS: Record<BulkResult['outcome'], string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Not attempted',
};

export function countOutcomes(results: readonly BulkResult[]): Record<BulkResult['outcome'], number> {
  const counts = { succeeded: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** The ones worth another try: refused or never sent. */
export const retryable = (results: readonly BulkResult[]): BulkResult[] => results.filter((r) => r.outcome !== 'succeeded');
