import { describeError } from '@/web/api/api-error';
import '@/web/components/state-panel.css';

/** A read that failed: why, and a Retry that asks again. */
export function ReadError({ what, error, onRetry, retrying }: { what: string; error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="state-panel" role="alert">
      <p className="state-panel-title">{what} could not be loaded.</p>
      <p className="state-panel-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        Retry
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="state-panel" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="state-panel-title">Loading {what}…</p>
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
