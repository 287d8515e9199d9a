import { useState } from 'react';
import type { DeviceRef } from '@/web/api/device-selection';
import { BulkResultReport } from '@/web/components/bulk-result-report';
import { retryable, type BulkResult } from '@/web/components/bulk-result';
import { BulkRunFooter } from '@/web/components/bulk-run-footer';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount, plural } from '@/web/lib/format';
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
  const [target, setTarget] = useState(devices);
  const bulk = useBulkForceOffline(onFinished);
  const online = target.filter((d) => d.online_status === 1).length;
  const retry = bulk.results ? retryable(bulk.results) : [];
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
      confirmLabel={`Force ${plural(target.length, 'device')} offline`}
      confirmClassName="button button-danger"
      runningLabel="Forcing offline…"
      running={running}
      cancelling={bulk.cancelling}
      onConfirm={() => startRun(target)}
      onClose={onClose}
      onCancel={bulk.cancel}
    />
  );

  if (bulk.isRunning) {
    return (
      <ModalDialog
        title="Forcing devices offline"
        onClose={onClose}
        dismissible={false}
        footer={footer(true)}
      >
        <ForceOfflineProgressBar progress={bulk.progress} />
        {bulk.cancelling && <p role="status">Stopping after the request in flight; its devices are still reported.</p>}
      </ModalDialog>
    );
  }

  if (bulk.results) {
    return (
      <ModalDialog
        wide
        title="Force offline: result"
        onClose={onClose}
        footer={
          <>
            {retry.length > 0 && (
              <button type="button" className="button" onClick={() => startRun(retryDevices(retry))}>
                Retry failed ({formatCount(retry.length)})
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <BulkResultReport results={bulk.results} doneLabel="brought offline" fileName="force-offline-report" />
        {retry.length > 0 && <p className="cell-muted">Devices that failed stay selected; the ones brought offline were deselected.</p>}
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      title={`Force ${plural(target.length, 'device')} offline?`}
      onClose={onClose}
      footer={footer(false)}
    >
      <p>
        <strong>{plural(target.length, 'device')}</strong> selected, <strong>{formatCount(online)}</strong> of them online when selected.
      </p>
      <p>Their live connections end now; a device may connect again later unless it is frozen. Devices already offline are reported as succeeded.</p>
      {bulk.error && (
        <p role="alert" className="form-alert">
          {bulk.error.message}
        </p>
      )}
    </ModalDialog>
  );
}
