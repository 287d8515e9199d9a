import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { Device } from '@/contracts/device';
import { describeError } from '@/web/api/api-error';
import { subDevicesFilter, subDevicesQuery } from '@/web/api/list-sub-devices';
import { StatusBadge } from '@/web/components/status-badge';
import { deviceListHref } from '@/web/lib/device-list-url';
import { formatCount, NODE_TYPE_LABELS, plural } from '@/web/lib/format';
import { DetailCard } from '@/web/features/devices/device-detail/detail-list';
import { DEVICE_TYPE_LABELS } from '@/web/features/devices/device-detail/device-labels';

/** Where the device sits: its node type, the gateway it connects through, or the sub-devices behind it. */
export function HierarchyCard({ device }: { device: Device }) {
  const parent =
    device.parent_device_id === undefined ? undefined : <Link href={`/devices/${device.parent_device_id}`}>{device.parent_device_name ?? `Device ${device.parent_device_id}`}</Link>;
  return (
    <DetailCard
      title="Hierarchy"
      rows={[
        ['Node type', NODE_TYPE_LABELS[device.node_type]],
        ['Device type', DEVICE_TYPE_LABELS[device.device_type]],
        ['Parent gateway', parent],
      ]}
    >
      {device.node_type === 1 && <SubDevices gatewayId={device.id} />}
    </DetailCard>
  );
}

function SubDevices({ gatewayId }: { gatewayId: number }) {
  const query = useQuery(subDevicesQuery(gatewayId));
  const { data } = query;
  return (
    <div className="sub-devices">
      <h3>Sub-devices{data && ` (${formatCount(data.total)})`}</h3>
      {query.isPending && <p className="cell-muted">Loading the sub-devices…</p>}
      {query.isError && (
        <p role="alert" className="field-error">
          Could not list the sub-devices: {describeError(query.error)}{' '}
          <button type="button" className="button button-link" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      )}
      {data?.total === 0 && <p className="cell-muted">No sub-device connects through this gateway.</p>}
      {data && data.total > 0 && (
        <>
          <ul className="sub-device-list" aria-label={shownLabel(data.items.length, data.total)}>
            {data.items.map((sub) => (
              <li key={sub.id}>
                <Link href={`/devices/${sub.id}`}>{sub.device_name}</Link>
                <span className="mono cell-muted">{sub.node_id}</span>
                <StatusBadge kind="online" value={sub.online_status} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={deviceListHref(subDevicesFilter(gatewayId))}>{data.total === 1 ? 'Show it in the list' : `Show all ${formatCount(data.total)} in the list`}</Link>
          </p>
        </>
      )}
    </div>
  );
}

// A gateway may have thousands: the page shows the first few, and says so.
const shownLabel = (shown: number, total: number) => (shown < total ? `First ${formatCount(shown)} of ${plural(total, 'sub-device')}` : plural(total, 'sub-device'));
