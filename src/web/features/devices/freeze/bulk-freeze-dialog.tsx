import { useState } from 'react';
import type { DeviceRef } from '@/web/api/device-selection';
import { BulkResultReport } from '@/web/components/bulk-result-report';
import type { BulkResult } from '@/web/components/bulk-result';
import { BulkRunFooter } from '@/web/components/bulk-run-footer';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount, plural } from '@/web/lib/format';
import { BulkFreezeProgressBar } from '@/web/features/devices/freeze/bulk-freeze-progress';
import { BULK_FREEZE_CONCURRENCY, retryableFreezes } from '@/web/features/devices/freeze/run-bulk-freeze';
import { useBulkFreeze } from '@/web/features/devices/freeze/use-bulk-freeze';

interface BulkFreezeDialogProps {
  /** The selection when the dialog opened: what the operator confirms is what is sent. */
  devices: readonly DeviceRef[];
  frozen: boolean;
  onClose: () => void;
  /** Called with each run's results so the selection keeps only the devices still to handle. */
  onFinished: (results: BulkResult[]) => void;
}

/** Confirm, run (progress, cancel), then the per-device report shared with bulk force-offline. */
export default function BulkFreezeDialog({ devices, frozen, onClose, onFinished }: BulkFreezeDialogProps) {
  const [target, setTarget] = useState(devices);
  const bulk = useBulkFreeze(frozen, onFinished);
  const verb = frozen ? 'Freeze' : 'Unfreeze';
  const retry = bulk.results ? retryableFreezes(bulk.results) : [];
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
      confirmLabel={`${verb} ${plural(target.length, 'device')}`}
      confirmClassName={frozen ? 'button button-danger' : 'button button-primary'}
      runningLabel={`${frozen ? 'Freezing' : 'Unfreezing'}…`}
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
        title={`${frozen ? 'Freezing' : 'Unfreezing'} devices`}
        onClose={onClose}
        dismissible={false}
        footer={footer(true)}
      >
        <BulkFreezeProgressBar progress={bulk.progress} label={`${frozen ? 'Freezing' : 'Unfreezing'} devices`} />
        {bulk.cancelling && <p role="status">Stopping: no more devices are sent; the ones in flight finish and are reported.</p>}
      </ModalDialog>
    );
  }

  if (bulk.results) {
    return (
      <ModalDialog
        wide
        title={`${verb}: result`}
        onClose={onClose}
        footer={
          <>
            {retry.length > 0 && (
              <button type="button" className="button" onClick={() => startRun(retryDevices(retry))}>
                Retry ({formatCount(retry.length)})
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <BulkResultReport results={bulk.results} doneLabel={frozen ? 'frozen' : 'unfrozen'} fileName={frozen ? 'freeze-report' : 'unfreeze-report'} />
        {bulk.results.some((r) => r.outcome !== 'succeeded') && (
          <p className="cell-muted">Devices that were not {frozen ? 'frozen' : 'unfrozen'} stay selected; the others were deselected.</p>
        )}
      </ModalDialog>
    );
  }

  return (
    <ModalDialog
      title={`${verb} ${plural(target.length, 'device')}?`}
      onClose={onClose}
      footer={footer(false)}
    >
      {frozen ? (
        <p>
          Each device is <strong>disconnected now</strong> and <strong>cannot connect again until it is unfrozen</strong>.
        </p>
      ) : (
        <p>Each device may connect again; it shows offline until it does.</p>
      )}
      <p>
        Sub-devices connect through their gateway and cannot be {frozen ? 'frozen' : 'unfrozen'}, and devices without the modify permission cannot be
        changed: they are not sent, and the report says so. Up to {BULK_FREEZE_CONCURRENCY} requests run at once; you can cancel.
      </p>
      {bulk.error && (
        <p role="alert" className="form-alert">
          {bulk.error.message}
        </p>
      )}
    </ModalDialog>
  );
}
