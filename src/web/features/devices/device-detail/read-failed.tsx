import { describeError } from '@/web/api/api-error';

/** A card's read that failed: why, and a Retry that asks again. */
export function ReadFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <p role="alert" className="field-error">
      {what} could not be read: {describeError(error)}{' '}
      <button type="button" className="button button-link" onClick={onRetry}>
        Retry
      </button>
    </p>
  );
}
