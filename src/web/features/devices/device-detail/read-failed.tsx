import { Trans } from '@lingui/react/macro';
import { describeError } from '@/web/api/api-error';

/** A card's read that failed: why, and a Retry that asks again. */
export function ReadFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
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
