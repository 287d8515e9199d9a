import { Suspense } from 'react';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DeviceRef, DeviceSelection } from '@/web/api/device-selection';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The dialog, the task contracts and the calls load only when an operator opens it.
const BulkTaskDialog = lazyWithMessages(() => import('@/web/features/devices/bulk-task/bulk-task-dialog'));

/** A bulk action sent as a task, with the selection as it was when the operator chose it: every matching device, or the devices ticked. */
export interface BulkTask {
  type: BatchTaskType;
  devices: NonNullable<DeviceSelection['matching']> | readonly DeviceRef[];
}

/** A bulk action's dialog when the work goes to the service as a task (see goesAsTask). */
export function BulkTaskAction({ task, onStarted, onClose }: { task: BulkTask; onStarted: () => void; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <BulkTaskDialog type={task.type} devices={task.devices} onClose={onClose} onStarted={onStarted} />
    </Suspense>
  );
}
