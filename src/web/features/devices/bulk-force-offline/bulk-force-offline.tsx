import { lazy, Suspense, useState } from 'react';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import type { BulkResult } from '@/web/components/bulk-result';
import type { Selection } from '@/web/lib/use-selection';

// The dialog, its report and its CSV code load only when an operator opens it.
const ForceOfflineDialog = lazy(() => import('@/web/features/devices/bulk-force-offline/force-offline-dialog'));

/** The "Force offline" action on the selection; succeeded devices leave the selection, failed ones stay. */
export function BulkForceOffline({ selection }: { selection: Selection<DeviceRef> }) {
  const [devices, setDevices] = useState<DeviceRef[] | null>(null);
  const onFinished = (results: BulkResult[]) => selection.remove(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id));
  return (
    <>
      <button type="button" className="button button-danger" disabled={selection.size === 0} onClick={() => setDevices([...selection.selected.values()])}>
        Force offline…
      </button>
      {devices && (
        <Suspense fallback={null}>
          <ForceOfflineDialog devices={devices} onClose={() => setDevices(null)} onFinished={onFinished} />
        </Suspense>
      )}
    </>
  );
}
