import { useLingui } from '@lingui/react/macro';
import { Suspense, useState } from 'react';
import { goesAsTask, type DeviceRef, type DeviceSelection } from '@/web/api/device-selection';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import { ActionButton } from '@/web/components/action-button';
import type { BulkResult } from '@/web/components/bulk-result';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The dialog and its report load only when an operator opens it.
const BulkFreezeDialog = lazyWithMessages(() => import('@/web/features/devices/freeze/bulk-freeze-dialog'));

/**
 * "Freeze…" and "Unfreeze…" on the selection: devices ticked one by one are sent from here, those
 * done leave the selection and the others stay; what goesAsTask says is the service's is handed to `onTask`.
 */
export function BulkFreeze({ selection, onTask }: { selection: DeviceSelection; onTask: (type: BatchTaskType) => void }) {
  const { t } = useLingui();
  const [run, setRun] = useState<{ devices: DeviceRef[]; frozen: boolean } | null>(null);
  const onFinished = (results: BulkResult[]) => selection.remove(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id));
  const open = (frozen: boolean) => {
    if (goesAsTask(selection)) onTask(frozen ? 'freezeDevices' : 'unfreezeDevices');
    else setRun({ devices: [...selection.selected.values()], frozen });
  };
  const blocked = roleReason(useRole(), 'operator', t`freeze or unfreeze devices`);
  return (
    <>
      <ActionButton label={t`Freeze…`} disabled={selection.size === 0} onClick={() => open(true)} unavailable={blocked} />
      <ActionButton label={t`Unfreeze…`} disabled={selection.size === 0} onClick={() => open(false)} unavailable={blocked} />
      {run && (
        <Suspense fallback={null}>
          <BulkFreezeDialog devices={run.devices} frozen={run.frozen} onClose={() => setRun(null)} onFinished={onFinished} />
        </Suspense>
      )}
    </>
  );
}
