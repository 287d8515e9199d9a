import { lazy, Suspense } from 'react';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DeviceSelection } from '@/web/api/device-selection';

// The dialog, the task contracts and the calls load only when an operator opens it.
const BulkTaskDialog = lazy(() => import('@/web/features/devices/bulk-task/bulk-task-dialog'));

/** A bulk action on every matching device, as the selection was when the operator chose it. */
export interface BulkTask {
  type: BatchTaskType;
  matching: NonNullable<DeviceSelection['matching']>;
}

/** A bulk action's dialog when every matching device is selected: the work goes to the service as a task. */
export function BulkTaskAction({ task, onStarted, onClose }: { task: BulkTask; onStarted: () => void; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <BulkTaskDialog type={task.type} matching={task.matching} onClose={onClose} onStarted={onStarted} />
    </Suspense>
  );
}
