import { Trans, useLingui } from '@lingui/react/macro';
import type { Device } from '@/contracts/device';
import { StatusBadge } from '@/web/components/status-badge';
import { formatDateTime } from '@/web/lib/format';
import { DetailCard, Mono, yesNo } from '@/web/features/devices/device-detail/detail-list';
import { PRODUCT_TYPE_LABELS, protocolLabel } from '@/web/features/devices/device-detail/device-labels';
import { HierarchyCard } from '@/web/features/devices/device-detail/hierarchy-card';
import { canBeFrozen, subDeviceReason } from '@/web/lib/device-rules';

/** The whole device of 001 (and the other documents' identities), grouped for reading. Never a password. */
export function DeviceSections({ device }: { device: Device }) {
  const { t, i18n } = useLingui();
  const { product } = device;
  const appName = device.app_name;
  const appId = device.app_id;
  const keepAlive = device.keep_alive;
  return (
    <div className="detail-grid">
      <DetailCard
        title={t`Identity`}
        rows={[
          [t`Device ID`, <Mono>{device.id}</Mono>],
          [t`Name`, device.device_name],
          [t`Asset ID`, <Mono>{device.asset_id}</Mono>],
          [t`Product key`, <Mono>{device.product_key}</Mono>],
          [t`Device key`, <Mono>{device.device_key}</Mono>],
          [t`Node ID`, <Mono>{device.node_id}</Mono>],
          [t`Client ID`, <Mono>{device.client_id}</Mono>],
          [t`IoTDA device ID`, <Mono>{device.iotda_device_id}</Mono>],
          [t`Application`, appName ? `${appName} (${appId})` : appId],
        ]}
      />
      <DetailCard
        title={t`State`}
        rows={[
          [t`Enabled`, <StatusBadge kind="status" value={device.status} />],
          [t`Displayed status`, <StatusBadge kind="online" value={device.online_status} />],
          [t`Connected now`, yesNo(device.connected)],
          [t`Frozen`, device.frozen ? <StatusBadge kind="frozen" value /> : <NotFrozen device={device} />],
          [t`Mirrored`, yesNo(device.mirrored)],
          [t`Last login`, formatDateTime(device.last_login_datetime)],
          [t`Last active`, formatDateTime(device.last_active_time)],
          [t`Firmware version`, device.version],
          [t`Keep-alive`, keepAlive && `${keepAlive} s`],
        ]}
      />
      <DetailCard
        title={t`Description and tags`}
        rows={[
          [t`Description`, device.description],
          [t`Tags`, <Tags tags={device.tags} />],
        ]}
      />
      <HierarchyCard device={device} />
      <DetailCard
        title={t`Product`}
        rows={[
          [t`Name`, product.product_name],
          [t`Product ID`, <Mono>{product.product_id}</Mono>],
          [t`Manufacturer`, product.manufacturer_id],
          [t`Model`, product.model],
          [t`Protocol`, protocolLabel(product.protocol_type, product.extend_protocol_name)],
          [t`Product type`, i18n._(PRODUCT_TYPE_LABELS[product.product_type])],
        ]}
      />
      <DetailCard
        title={t`Addresses`}
        rows={[
          [t`Access address`, <Mono>{device.connect_address}</Mono>],
          [t`SSL access address`, <Mono>{device.ssl_connect_address}</Mono>],
          [t`IPv6 access address`, device.ipv6_connect_address && <Mono>{device.ipv6_connect_address}</Mono>],
          [t`IPv6 SSL access address`, device.ipv6_ssl_connect_address && <Mono>{device.ipv6_ssl_connect_address}</Mono>],
          [t`Client IP`, device.client_ip && <Mono>{device.client_ip}</Mono>],
        ]}
      />
      <DetailCard
        title={t`Audit`}
        rows={[
          [t`Created by`, device.created_user.user_name],
          [t`Created`, formatDateTime(device.created_datetime)],
          [t`Last updated by`, device.last_updated_user.user_name],
          [t`Last updated`, formatDateTime(device.last_updated_datetime)],
        ]}
      />
      <DetailCard title={t`Authentication`} rows={[[t`User name`, <Mono>{device.authentication.user_name}</Mono>]]}>
        <p className="detail-note">
          <Trans>The password is never shown or sent to the console.</Trans>
        </p>
      </DetailCard>
    </div>
  );
}

/** A sub-device says here, not only on a disabled button, why it cannot be frozen. */
function NotFrozen({ device }: { device: Device }) {
  const { t } = useLingui();
  if (canBeFrozen(device)) return t`No`;
  return (
    <>
      <Trans>No</Trans>
      <span className="detail-hint">{subDeviceReason()}</span>
    </>
  );
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) {
    return (
      <span className="cell-muted">
        <Trans>No tags</Trans>
      </span>
    );
  }
  return (
    <ul className="detail-tags">
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
