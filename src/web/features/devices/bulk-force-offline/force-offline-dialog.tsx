import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { DeviceRef } from '@/web/api/device-selection';
import { BulkResultReport } from '@/web/components/bulk-result-report';
import { retryable, type BulkResult } from '@/web/components/bulk-result';
import { BulkRunFooter } from '@/web/components/bulk-run-footer';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount } from '@/web/lib/format';
import { ForceOfflineProgressBar } from '@/web/features/devices/bulk-force-offline/force-offline-progress';
import { useBulkForceOffline } from '@/web/features/devices/bulk-force-offline/use-bulk-force-offline';

interface ForceOfflineDialogProps {
  /** The selection when the dialog opened: what the operator confirms is what is sent. */
  devices: readonly DeviceRef[];
  onClose: () => void;
  /** Called with each run's results so the selection keeps only the devices still to handle. */
  onFinished: (results: BulkResult[]) => void;
}

/** Confirm, run with progress and cancel, then report per device with CSV and "Retry failed". */
export default function ForceOfflineDialog({ devices, onClose, onFinished }: ForceOfflineDialogProps) {
  const { t } = useLingui();
  const [target, setTarget] = useState(devices);
  const bulk = useBulkForceOffline(onFinished);
  const online = target.filter((d) => d.online_status === 1).length;
  const retry = bulk.results ? retryable(bulk.results) : [];
  const count = target.length;
  const startRun = (list: readonly DeviceRef[]) => {
    setTarget(list);
    bulk.run(list);
  };
  const retryDevices = (results: BulkResult[]) => {
    const known = new Map(devices.map((d) => [d.id, d]));
    return results.flatMap((r) => known.get(r.id) ?? []);
  };

  const footer = (running: boolean) => (
    <BulkRunFooter
      confirmLabel={t`${plural(count, { one: 'Force # device offline', other: 'Force # devices offline' })}`}
      confirmClassName="button button-danger"
      runningLabel={t`Forcing offline…`}
      running={running}
      cancelling={bulk.cancelling}
      onConfirm={() => startRun(target)}
      onClose={onClose}
      onCancel={bulk.cancel}
    />
  );

  if (bulk.isRunning) {
    return (
      <ModalDialog title={t`Forcing devices offline`} onClose={onClose} dismissible={false} footer={footer(true)}>
        <ForceOfflineProgressBar progress={bulk.progress} />
        {bulk.cancelling && (
          <p role="status">
            <Trans>Stopping after the request in flight; its devices are still reported.</Trans>
          </p>
        )}
      </ModalDialog>
    );
  }

  if (bulk.results) {
    const retryCount = formatCount(retry.length);
    return (
      <ModalDialog
        wide
        title={t`Force offline: result`}
        onClose={onClose}
        footer={
          <>
            {retry.length > 0 && (
              <button type="button" className="button" onClick={() => startRun(retryDevices(retry))}>
                <Trans>Retry failed ({retryCount})</Trans>
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              <Trans>Done</Trans>
            </button>
          </>
        }
      >
        <BulkResultReport results={bulk.results} doneLabel={t`brought offline`} fileName="force-offline-report" />
        {retry.length > 0 && (
          <p className="cell-muted">
            <Trans>Devices that failed stay selected; the ones brought offline were deselected.</Trans>
          </p>
        )}
      </ModalDialog>
    );
  }

  const onlineCount = formatCount(online);
  const selectedDevices = t`${plural(count, { one: '# device', other: '# devices' })}`;
  return (
    <ModalDialog
      title={t`${plural(count, { one: 'Force # device offline?', other: 'Force # devices offline?' })}`}
      onClose={onClose}
      footer={footer(false)}
    >
      <p>
        <Trans>
          <strong>{selectedDevices}</strong> selected, <strong>{onlineCount}</strong> of them online when selected.
        </Trans>
      </p>
      <p>
        <Trans>Their live connections end now; a device may connect again later unless it is frozen. Devices already offline are reported as succeeded.</Trans>
      </p>
      {bulk.error && (
        <p role="alert" className="form-alert">
          {bulk.error.message}
        </p>
      )}
    </ModalDialog>
  );
}
