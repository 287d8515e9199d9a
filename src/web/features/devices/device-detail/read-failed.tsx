import { Trans } from '@lingui/react/macro';
import type { UseQueryResult } from '@tanstack/react-query';
import { describeError } from '@/web/api/api-error';

/** A card's read that failed: why, and a Retry that asks again. */
function ReadFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const reason = describeError(error);
  return (
    <p role="alert" className="field-error">
      <Trans>
        {what} could not be read: {reason}
      </Trans>{' '}
      <button type="button" className="button button-link" onClick={onRetry}>
        <Trans>Retry</Trans>
      </button>
    </p>
  );
}

/** What a card shows of its read before there is data: a line while it loads, why and a Retry when it failed. */
export function ReadState({ query, loading, what }: { query: Pick<UseQueryResult, 'isPending' | 'isError' | 'error' | 'refetch'>; loading: string; what: string }) {
  if (query.isPending) return <p className="cell-muted">{loading}</p>;
  if (query.isError) return <ReadFailed what={what} error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}
