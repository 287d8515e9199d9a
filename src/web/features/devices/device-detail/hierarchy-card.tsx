import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { Device } from '@/contracts/device';
import { describeError } from '@/web/api/api-error';
import { subDevicesFilter, subDevicesQuery } from '@/web/api/list-sub-devices';
import { StatusBadge } from '@/web/components/status-badge';
import { deviceListHref } from '@/web/lib/device-list-url';
import { formatCount, NODE_TYPE_LABELS } from '@/web/lib/format';
import { DetailCard } from '@/web/features/devices/device-detail/detail-list';
import { DEVICE_TYPE_LABELS } from '@/web/features/devices/device-detail/device-labels';

/** Where the device sits: its node type, the gateway it connects through, or the sub-devices behind it. */
export function HierarchyCard({ device }: { device: Device }) {
  const { t, i18n } = useLingui();
  const parentId = device.parent_device_id;
  const parent = parentId === undefined ? undefined : <Link href={`/devices/${parentId}`}>{device.parent_device_name ?? t`Device ${parentId}`}</Link>;
  return (
    <DetailCard
      title={t`Hierarchy`}
      rows={[
        [t`Node type`, i18n._(NODE_TYPE_LABELS[device.node_type])],
        [t`Device type`, i18n._(DEVICE_TYPE_LABELS[device.device_type])],
        [t`Parent gateway`, parent],
      ]}
    >
      {device.node_type === 1 && <SubDevices gatewayId={device.id} />}
    </DetailCard>
  );
}

function SubDevices({ gatewayId }: { gatewayId: number }) {
  const { t } = useLingui();
  const query = useQuery(subDevicesQuery(gatewayId));
  const { data } = query;
  const count = data && formatCount(data.total);
  const reason = query.isError ? describeError(query.error) : '';
  // A gateway may have thousands: the page shows the first few, and says so.
  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;
  const first = formatCount(shown);
  const shownLabel =
    shown < total
      ? t`First ${first} of ${plural(total, { one: '# sub-device', other: '# sub-devices' })}`
      : t`${plural(total, { one: '# sub-device', other: '# sub-devices' })}`;
  return (
    <div className="sub-devices">
      <h3>{count === undefined ? <Trans>Sub-devices</Trans> : <Trans>Sub-devices ({count})</Trans>}</h3>
      {query.isPending && (
        <p className="cell-muted">
          <Trans>Loading the sub-devices…</Trans>
        </p>
      )}
      {query.isError && (
        <p role="alert" className="field-error">
          <Trans>Could not list the sub-devices: {reason}</Trans>{' '}
          <button type="button" className="button button-link" onClick={() => void query.refetch()}>
            <Trans>Retry</Trans>
          </button>
        </p>
      )}
      {data?.total === 0 && (
        <p className="cell-muted">
          <Trans>No sub-device connects through this gateway.</Trans>
        </p>
      )}
      {data && data.total > 0 && (
        <>
          <ul className="sub-device-list" aria-label={shownLabel}>
            {data.items.map((sub) => (
              <li key={sub.id}>
                <Link href={`/devices/${sub.id}`}>{sub.device_name}</Link>
                <span className="mono cell-muted">{sub.node_id}</span>
                <StatusBadge kind="online" value={sub.online_status} />
              </li>
            ))}
          </ul>
          <p>
            <Link href={deviceListHref(subDevicesFilter(gatewayId))}>{data.total === 1 ? t`Show it in the list` : t`Show all ${count} in the list`}</Link>
          </p>
        </>
      )}
    </div>
  );
}
