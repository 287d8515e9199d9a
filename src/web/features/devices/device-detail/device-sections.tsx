import type { Device } from '@/contracts/device';
import { StatusBadge } from '@/web/components/status-badge';
import { formatDateTime } from '@/web/lib/format';
import { DetailCard, Mono, yesNo } from '@/web/features/devices/device-detail/detail-list';
import { PRODUCT_TYPE_LABELS, PROTOCOL_LABELS } from '@/web/features/devices/device-detail/device-labels';
import { HierarchyCard } from '@/web/features/devices/device-detail/hierarchy-card';
import { canBeFrozen, SUB_DEVICE_REASON } from '@/web/lib/device-rules';

/** The whole device of 001 (and the other documents' identities), grouped for reading. Never a password. */
export function DeviceSections({ device }: { device: Device }) {
  const { product } = device;
  return (
    <div className="detail-grid">
      <DetailCard
        title="Identity"
        rows={[
          ['Device ID', <Mono>{device.id}</Mono>],
          ['Name', device.device_name],
          ['Asset ID', <Mono>{device.asset_id}</Mono>],
          ['Product key', <Mono>{device.product_key}</Mono>],
          ['Device key', <Mono>{device.device_key}</Mono>],
          ['Node ID', <Mono>{device.node_id}</Mono>],
          ['Client ID', <Mono>{device.client_id}</Mono>],
          ['IoTDA device ID', <Mono>{device.iotda_device_id}</Mono>],
          ['Application', device.app_name ? `${device.app_name} (${device.app_id})` : device.app_id],
        ]}
      />
      <DetailCard
        title="State"
        rows={[
          ['Enabled', <StatusBadge kind="status" value={device.status} />],
          ['Displayed status', <StatusBadge kind="online" value={device.online_status} />],
          ['Connected now', yesNo(device.connected)],
          ['Frozen', device.frozen ? <StatusBadge kind="frozen" value /> : <NotFrozen device={device} />],
          ['Mirrored', yesNo(device.mirrored)],
          ['Last login', formatDateTime(device.last_login_datetime)],
          ['Last active', formatDateTime(device.last_active_time)],
          ['Firmware version', device.version],
          ['Keep-alive', device.keep_alive && `${device.keep_alive} s`],
        ]}
      />
      <DetailCard title="Description and tags" rows={[['Description', device.description], ['Tags', <Tags tags={device.tags} />]]} />
      <HierarchyCard device={device} />
      <DetailCard
        title="Product"
        rows={[
          ['Name', product.product_name],
          ['Product ID', <Mono>{product.product_id}</Mono>],
          ['Manufacturer', product.manufacturer_id],
          ['Model', product.model],
          ['Protocol', product.protocol_type === 5 && product.extend_protocol_name ? product.extend_protocol_name : PROTOCOL_LABELS[product.protocol_type]],
          ['Product type', PRODUCT_TYPE_LABELS[product.product_type]],
        ]}
      />
      <DetailCard
        title="Addresses"
        rows={[
          ['Access address', <Mono>{device.connect_address}</Mono>],
          ['SSL access address', <Mono>{device.ssl_connect_address}</Mono>],
          ['IPv6 access address', device.ipv6_connect_address && <Mono>{device.ipv6_connect_address}</Mono>],
          ['IPv6 SSL access address', device.ipv6_ssl_connect_address && <Mono>{device.ipv6_ssl_connect_address}</Mono>],
          ['Client IP', device.client_ip && <Mono>{device.client_ip}</Mono>],
        ]}
      />
      <DetailCard
        title="Audit"
        rows={[
          ['Created by', device.created_user.user_name],
          ['Created', formatDateTime(device.created_datetime)],
          ['Last updated by', device.last_updated_user.user_name],
          ['Last updated', formatDateTime(device.last_updated_datetime)],
        ]}
      />
      <DetailCard title="Authentication" rows={[['User name', <Mono>{device.authentication.user_name}</Mono>]]}>
        <p className="detail-note">The password is never shown or sent to the console.</p>
      </DetailCard>
    </div>
  );
}

/** A sub-device says here, not only on a disabled button, why it cannot be frozen. */
function NotFrozen({ device }: { device: Device }) {
  if (canBeFrozen(device)) return 'No';
  return (
    <>
      No<span className="detail-hint">{SUB_DEVICE_REASON}</span>
    </>
  );
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="cell-muted">No tags</span>;
  return (
    <ul className="detail-tags">
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
