import type { DeviceRef } from '@/web/api/list-matching-devices';
import { useDeviceListParams } from '@/web/lib/use-device-list-params';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { useSelection } from '@/web/lib/use-selection';
import { BulkForceOffline } from '@/web/features/devices/bulk-force-offline/bulk-force-offline';
import { DeviceList } from '@/web/features/devices/device-list/device-list';
import { FleetSummary } from '@/web/features/devices/fleet-summary/fleet-summary';
import { BulkFreeze } from '@/web/features/devices/freeze/bulk-freeze';

/** The operator's home: fleet summary, list and bulk actions, sharing the URL's filters and one selection. */
export default function DevicesPage() {
  useDocumentTitle('Devices');
  const { params, filters, update, clearFilters } = useDeviceListParams();
  const selection = useSelection<DeviceRef>();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Devices</h1>
          <p className="page-subtitle">Find devices, review their state and act on many at once.</p>
        </div>
      </div>
      <FleetSummary filters={filters} onFilter={update} />
      <DeviceList
        params={params}
        filters={filters}
        update={update}
        clearFilters={clearFilters}
        selection={selection}
        bulkActions={
          <>
            <BulkFreeze selection={selection} />
            <BulkForceOffline selection={selection} />
          </>
        }
      />
    </div>
  );
}
