import { lazy, Suspense, useState } from 'react';
import type { DeviceRef } from '@/web/api/list-matching-devices';
import type { BulkResult } from '@/web/components/bulk-result';
import type { Selection } from '@/web/lib/use-selection';

// The dialog and its report load only when an operator opens it.
const BulkFreezeDialog = lazy(() => import('@/web/features/devices/freeze/bulk-freeze-dialog'));

/** "Freeze…" and "Unfreeze…" on the selection; devices done leave the selection, the others stay. */
export function BulkFreeze({ selection }: { selection: Selection<DeviceRef> }) {
  const [run, setRun] = useState<{ devices: DeviceRef[]; frozen: boolean } | null>(null);
  const onFinished = (results: BulkResult[]) => selection.remove(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id));
  const open = (frozen: boolean) => setRun({ devices: [...selection.selected.values()], frozen });
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
