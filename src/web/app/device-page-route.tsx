import type { Device } from '@/contracts/device';
import DeviceDetailPage from '@/web/features/devices/device-detail/device-detail-page';
import { ReplaceKeyAction } from '@/web/features/devices/key-replacement/replace-key-action';

const actions = (device: Device) => <ReplaceKeyAction device={device} />;

/** /devices/:id: the device page, with the actions other features add to its action bar. */
export default function DevicePageRoute() {
  return <DeviceDetailPage actions={actions} />;
}
