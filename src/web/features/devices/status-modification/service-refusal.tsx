import type { ApiError } from '@/web/api/api-error';

/** The service's own refusal, verbatim with its code, and what the page did about it. */
export function ServiceRefusal({ error, forcedOffline }: { error: ApiError; forcedOffline: boolean }) {
  return (
    <div role="alert" className="form-alert">
      <p>
        {forcedOffline ? 'The device was brought offline, but the service refused the status change: ' : 'The service refused: '}
        <q>{error.message}</q>
      </p>
      <p className="status-refusal-code">
        Code {error.code}
        {error.requestId && <> · request id {error.requestId}</>}
      </p>
      <p>The status shown was put back.</p>
    </div>
  );
}
