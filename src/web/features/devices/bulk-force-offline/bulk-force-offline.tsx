import { useLingui } from '@lingui/react/macro';
import { Suspense, useState } from 'react';
import { goesAsTask, type DeviceRef, type DeviceSelection } from '@/web/api/device-selection';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import { ActionButton } from '@/web/components/action-button';
import type { BulkResult } from '@/web/components/bulk-result';
import { roleReason, useRole } from '@/web/lib/role-rules';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The dialog, its report and its CSV code load only when an operator opens it.
const ForceOfflineDialog = lazyWithMessages(() => import('@/web/features/devices/bulk-force-offline/force-offline-dialog'));

/**
 * The "Force offline" action on the selection: devices ticked one by one are sent from here, and
 * succeeded ones leave the selection; what goesAsTask says is the service's is handed to `onTask`.
 */
export function BulkForceOffline({ selection, onTask }: { selection: DeviceSelection; onTask: (type: BatchTaskType) => void }) {
  const { t } = useLingui();
  const [devices, setDevices] = useState<DeviceRef[] | null>(null);
  const onFinished = (results: BulkResult[]) => selection.remove(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id));
  const open = () => (goesAsTask(selection) ? onTask('forceOfflineDevices') : setDevices([...selection.selected.values()]));
  const blocked = roleReason(useRole(), 'operator', t`force devices offline`);
  return (
    <>
      <ActionButton label={t`Force offline…`} className="button button-danger" disabled={selection.size === 0} onClick={open} unavailable={blocked} />
      {devices && (
        <Suspense fallback={null}>
          <ForceOfflineDialog devices={devices} onClose={() => setDevices(null)} onFinished={onFinished} />
        </Suspense>
      )}
    </>
  );
}
