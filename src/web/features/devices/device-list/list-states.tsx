import { describeError } from '@/web/api/api-error';
import '@/web/components/state-panel.css';

export function ListError({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="state-panel list-error" role="alert">
      <p className="state-panel-title">The devices could not be loaded.</p>
      <p className="state-panel-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        Retry
      </button>
    </div>
  );
}

export function PastLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <div className="state-panel" role="status">
      <p className="state-panel-title">This page is empty</p>
      <p className="state-panel-detail">Fewer devices match than when this page was opened.</p>
      <button type="button" className="button" onClick={onFirstPage}>
        Go to the first page
      </button>
    </div>
  );
}

export function ListEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div className="state-panel" role="status">
      <p className="state-panel-title">{filtered ? 'No device matches' : 'No devices yet'}</p>
      {filtered ? (
        <>
          <p className="state-panel-detail">No device matches these filters.</p>
          <button type="button" className="button" onClick={onClear}>
            Clear filters
          </button>
        </>
      ) : (
        <p className="state-panel-detail">Devices registered in this instance will appear here.</p>
      )}
    </div>
  );
}

export function ListLoading() {
  return (
    <div className="state-panel" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="state-panel-title">Loading devices…</p>
    </div>
  );
}
