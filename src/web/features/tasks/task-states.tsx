import { describeError } from '@/web/api/api-error';

/** A read that failed: why, and a Retry that asks again. */
export function ReadError({ what, error, onRetry, retrying }: { what: string; error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="task-state" role="alert">
      <p className="task-state-title">{what} could not be loaded.</p>
      <p className="task-state-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        Retry
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="task-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="task-state-title">Loading {what}…</p>
    </div>
  );
}

export function Empty({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="task-state" role="status">
      <p className="task-state-title">{title}</p>
      <p className="task-state-detail">{detail}</p>
    </div>
  );
}
