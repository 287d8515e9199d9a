import { lazy, Suspense, useState } from 'react';
import { goesAsTask, type DeviceRef, type DeviceSelection } from '@/web/api/device-selection';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { BulkResult } from '@/web/components/bulk-result';

// The dialog and its report load only when an operator opens it.
const BulkFreezeDialog = lazy(() => import('@/web/features/devices/freeze/bulk-freeze-dialog'));

/**
 * "Freeze…" and "Unfreeze…" on the selection: devices ticked one by one are sent from here, those
 * done leave the selection and the others stay; what goesAsTask says is the service's is handed to `onTask`.
 */
export function BulkFreeze({ selection, onTask }: { selection: DeviceSelection; onTask: (type: BatchTaskType) => void }) {
  const [run, setRun] = useState<{ devices: DeviceRef[]; frozen: boolean } | null>(null);
  const onFinished = (results: BulkResult[]) => selection.remove(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id));
  const open = (frozen: boolean) => {
    if (goesAsTask(selection)) onTask(frozen ? 'freezeDevices' : 'unfreezeDevices');
    else setRun({ devices: [...selection.selected.values()], frozen });
  };
  return (
    <>
      <button type="button" className="button" disabled={selection.size === 0} onClick={() => open(true)}>
        Freeze…
      </button>
      <button type="button" className="button" disabled={selection.size === 0} onClick={() => open(false)}>
        Unfreeze…
      </button>
      {run && (
        <Suspense fallback={null}>
          <BulkFreezeDialog devices={run.devices} frozen={run.frozen} onClose={() => setRun(null)} onFinished={onFinished} />
        </Suspense>
      )}
    </>
  );
}
