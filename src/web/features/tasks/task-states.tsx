import { Trans } from '@lingui/react/macro';
import { describeError } from '@/web/api/api-error';
import '@/web/components/state-panel.css';

/** A read that failed (`title`: "The tasks could not be loaded."): why, and a Retry that asks again. */
export function ReadError({ title, error, onRetry, retrying }: { title: string; error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="state-panel" role="alert">
      <p className="state-panel-title">{title}</p>
      <p className="state-panel-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        <Trans>Retry</Trans>
      </button>
    </div>
  );
}

/** `title`: "Loading tasks…". */
export function Loading({ title }: { title: string }) {
  return (
    <div className="state-panel" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="state-panel-title">{title}</p>
    </div>
  );
}

export function Empty({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="state-panel" role="status">
      <p className="state-panel-title">{title}</p>
      <p className="state-panel-detail">{detail}</p>
    </div>
  );
}
