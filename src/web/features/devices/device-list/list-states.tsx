import { describeError } from '@/web/api/api-error';

export function ListError({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="list-state list-error" role="alert">
      <p className="list-state-title">The devices could not be loaded.</p>
      <p className="list-state-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        Retry
      </button>
    </div>
  );
}

export function PastLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <div className="list-state" role="status">
      <p className="list-state-title">This page is empty</p>
      <p className="list-state-detail">Fewer devices match than when this page was opened.</p>
      <button type="button" className="button" onClick={onFirstPage}>
        Go to the first page
      </button>
    </div>
  );
}

export function ListEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div className="list-state" role="status">
      <p className="list-state-title">{filtered ? 'No device matches' : 'No devices yet'}</p>
      {filtered ? (
        <>
          <p className="list-state-detail">No device matches these filters.</p>
          <button type="button" className="button" onClick={onClear}>
            Clear filters
          </button>
        </>
      ) : (
        <p className="list-state-detail">Devices registered in this instance will appear here.</p>
      )}
    </div>
  );
}

export function ListLoading() {
  return (
    <div className="list-state" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="list-state-title">Loading devices…</p>
    </div>
  );
}
