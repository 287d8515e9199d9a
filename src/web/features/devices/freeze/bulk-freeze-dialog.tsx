import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { DeviceRef } from '@/web/api/device-selection';
import { BulkResultReport } from '@/web/components/bulk-result-report';
import type { BulkResult } from '@/web/components/bulk-result';
import { BulkRunFooter } from '@/web/components/bulk-run-footer';
import { ModalDialog } from '@/web/components/modal-dialog';
import { formatCount } from '@/web/lib/format';
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
  const { t } = useLingui();
  const [target, setTarget] = useState(devices);
  const bulk = useBulkFreeze(frozen, onFinished);
  const retry = bulk.results ? retryableFreezes(bulk.results) : [];
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
      confirmLabel={
        frozen
          ? t`${plural(count, { one: 'Freeze # device', other: 'Freeze # devices' })}`
          : t`${plural(count, { one: 'Unfreeze # device', other: 'Unfreeze # devices' })}`
      }
      confirmClassName={frozen ? 'button button-danger' : 'button button-primary'}
      runningLabel={frozen ? t`Freezing…` : t`Unfreezing…`}
      running={running}
      cancelling={bulk.cancelling}
      onConfirm={() => startRun(target)}
      onClose={onClose}
      onCancel={bulk.cancel}
    />
  );

  if (bulk.isRunning) {
    return (
      <ModalDialog title={frozen ? t`Freezing devices` : t`Unfreezing devices`} onClose={onClose} dismissible={false} footer={footer(true)}>
        <BulkFreezeProgressBar progress={bulk.progress} frozen={frozen} />
        {bulk.cancelling && (
          <p role="status">
            <Trans>Stopping: no more devices are sent; the ones in flight finish and are reported.</Trans>
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
        title={frozen ? t`Freeze: result` : t`Unfreeze: result`}
        onClose={onClose}
        footer={
          <>
            {retry.length > 0 && (
              <button type="button" className="button" onClick={() => startRun(retryDevices(retry))}>
                <Trans>Retry ({retryCount})</Trans>
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose}>
              <Trans>Done</Trans>
            </button>
          </>
        }
      >
        <BulkResultReport results={bulk.results} doneLabel={frozen ? t`frozen` : t`unfrozen`} fileName={frozen ? 'freeze-report' : 'unfreeze-report'} />
        {bulk.results.some((r) => r.outcome !== 'succeeded') && (
          <p className="cell-muted">
            {frozen ? (
              <Trans>Devices that were not frozen stay selected; the others were deselected.</Trans>
            ) : (
              <Trans>Devices that were not unfrozen stay selected; the others were deselected.</Trans>
            )}
          </p>
        )}
      </ModalDialog>
    );
  }

  const concurrency = BULK_FREEZE_CONCURRENCY;
  return (
    <ModalDialog
      title={
        frozen
          ? t`${plural(count, { one: 'Freeze # device?', other: 'Freeze # devices?' })}`
          : t`${plural(count, { one: 'Unfreeze # device?', other: 'Unfreeze # devices?' })}`
      }
      onClose={onClose}
      footer={footer(false)}
    >
      {frozen ? (
        <p>
          <Trans>
            Each device is <strong>disconnected now</strong> and <strong>cannot connect again until it is unfrozen</strong>.
          </Trans>
        </p>
      ) : (
        <p>
          <Trans>Each device may connect again; it shows offline until it does.</Trans>
        </p>
      )}
      <p>
        {frozen ? (
          <Trans>
            Sub-devices connect through their gateway and cannot be frozen, and devices without the modify permission cannot be changed: they are not
            sent, and the report says so. Up to {concurrency} requests run at once; you can cancel.
          </Trans>
        ) : (
          <Trans>
            Sub-devices connect through their gateway and cannot be unfrozen, and devices without the modify permission cannot be changed: they are not
            sent, and the report says so. Up to {concurrency} requests run at once; you can cancel.
          </Trans>
        )}
      </p>
      {bulk.error && (
        <p role="alert" className="form-alert">
          {bulk.error.message}
        </p>
      )}
    </ModalDialog>
  );
}
