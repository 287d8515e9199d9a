import { Trans } from '@lingui/react/macro';
import { describeError } from '@/web/api/api-error';
import '@/web/components/state-panel.css';

export function ListError({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="state-panel list-error" role="alert">
      <p className="state-panel-title">
        <Trans>The devices could not be loaded.</Trans>
      </p>
      <p className="state-panel-detail">{describeError(error)}</p>
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        <Trans>Retry</Trans>
      </button>
    </div>
  );
}

export function PastLastPage({ onFirstPage }: { onFirstPage: () => void }) {
  return (
    <div className="state-panel" role="status">
      <p className="state-panel-title">
        <Trans>This page is empty</Trans>
      </p>
      <p className="state-panel-detail">
        <Trans>Fewer devices match than when this page was opened.</Trans>
      </p>
      <button type="button" className="button" onClick={onFirstPage}>
        <Trans>Go to the first page</Trans>
      </button>
    </div>
  );
}

export function ListEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <div className="state-panel" role="status">
      <p className="state-panel-title">{filtered ? <Trans>No device matches</Trans> : <Trans>No devices yet</Trans>}</p>
      {filtered ? (
        <>
          <p className="state-panel-detail">
            <Trans>No device matches these filters.</Trans>
          </p>
          <button type="button" className="button" onClick={onClear}>
            <Trans>Clear filters</Trans>
          </button>
        </>
      ) : (
        <p className="state-panel-detail">
          <Trans>Devices registered in this instance will appear here.</Trans>
        </p>
      )}
    </div>
  );
}

export function ListLoading() {
  return (
    <div className="state-panel" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="state-panel-title">
        <Trans>Loading devices…</Trans>
      </p>
    </div>
  );
}
