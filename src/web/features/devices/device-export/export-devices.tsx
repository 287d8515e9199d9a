import { useQuery } from '@tanstack/react-query';
import type { DeviceFilterQuery, DeviceSort } from '@/contracts/roma';
import { deviceSummaryQuery } from '@/web/api/get-device-summary';
import { formatCount, plural } from '@/web/lib/format';
import { useDeviceExport } from './use-device-export';
import './device-export.css';

/**
 * "Export CSV": every device the list's filter matches, in its order, not just the page. The
 * count to expect is the fleet summary's (already read for the same filter); progress counts the
 * rows as the service streams them.
 */
export function ExportDevices({ filters, sort }: { filters: DeviceFilterQuery; sort: DeviceSort | undefined }) {
  const { state, start, cancel } = useDeviceExport(filters, sort);
  const total = useQuery(deviceSummaryQuery(filters)).data?.total;
  const of = total === undefined ? '' : ` of ${formatCount(total)}`;
  return (
    <div className="device-export">
      {state.phase === 'running' ? (
        <button type="button" className="button" onClick={cancel}>
          Cancel export
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          Export CSV
        </button>
      )}
      <span role="status" className="device-export-status">
        {state.phase === 'running' && `Exporting… ${formatCount(state.rows)}${of} devices`}
        {state.phase === 'done' && `Exported ${plural(state.rows, 'device')}.`}
      </span>
      {state.phase === 'failed' && (
        <span role="alert" className="device-export-error">
          {state.message}
        </span>
      )}
    </div>
  );
}
