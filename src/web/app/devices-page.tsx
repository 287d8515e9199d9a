import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';
import type { DeviceFilterQuery } from '@/contracts/roma';
import type { DeviceRef } from '@/web/api/device-selection';
import { toSearch } from '@/web/lib/device-list-url';
import { useDeviceListParams } from '@/web/lib/use-device-list-params';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { useSelection } from '@/web/lib/use-selection';
import { BulkForceOffline } from '@/web/features/devices/bulk-force-offline/bulk-force-offline';
import { BulkTaskAction, type BulkTask } from '@/web/features/devices/bulk-task/bulk-task-action';
import { ExportDevices } from '@/web/features/devices/device-export/export-devices';
import { DeviceList } from '@/web/features/devices/device-list/device-list';
import { FleetSummary } from '@/web/features/devices/fleet-summary/fleet-summary';
import { BulkFreeze } from '@/web/features/devices/freeze/bulk-freeze';

/** The operator's home: fleet summary, list and bulk actions, sharing the URL's filters and one selection. */
export default function DevicesPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Devices`);
  const { params, filters, update, clearFilters } = useDeviceListParams();
  // A selection of every matching device holds while the list shows that filter.
  const selection = useSelection<DeviceRef, DeviceFilterQuery>(toSearch(filters));
  const [task, setTask] = useState<BulkTask | null>(null);
  const onTask = (type: BatchTaskType) => setTask({ type, devices: selection.matching ?? [...selection.selected.values()] });
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>
            <Trans>Devices</Trans>
          </h1>
          <p className="page-subtitle">
            <Trans>Find devices, review their state and act on many at once.</Trans>
          </p>
        </div>
        <ExportDevices filters={filters} sort={params.sort} />
      </div>
      <FleetSummary filters={filters} onFilter={update} />
      {task && <BulkTaskAction task={task} onStarted={selection.clear} onClose={() => setTask(null)} />}
      <DeviceList
        params={params}
        filters={filters}
        update={update}
        clearFilters={clearFilters}
        selection={selection}
        bulkActions={
          <>
            <BulkFreeze selection={selection} onTask={onTask} />
            <BulkForceOffline selection={selection} onTask={onTask} />
          </>
        }
      />
    </div>
  );
}
