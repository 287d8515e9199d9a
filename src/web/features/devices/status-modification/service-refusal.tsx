import { Trans } from '@lingui/react/macro';
import type { ApiError } from '@/web/api/api-error';

/** The service's own refusal, verbatim with its code, and what the page did about it. */
export function ServiceRefusal({ error, forcedOffline }: { error: ApiError; forcedOffline: boolean }) {
  // The service's message and code are shown as they came: support searches for them.
  const message = error.message;
  const code = error.code;
  const requestId = error.requestId;
  return (
    <div role="alert" className="form-alert">
      <p>
        {forcedOffline ? (
          <Trans>
            The device was brought offline, but the service refused the status change: <q>{message}</q>
          </Trans>
        ) : (
          <Trans>
            The service refused: <q>{message}</q>
          </Trans>
        )}
      </p>
      <p className="status-refusal-code">{requestId ? <Trans>Code {code} · request id {requestId}</Trans> : <Trans>Code {code}</Trans>}</p>
      <p>
        <Trans>The status shown was put back.</Trans>
      </p>
    </div>
  );
}
