import type { DeviceActionsSlot } from '@/web/features/devices/device-detail/device-detail';
import DeviceDetailPage from '@/web/features/devices/device-detail/device-detail-page';
import { DeviceHistory } from '@/web/features/audit/device-history';
import { ForceOfflineAction } from '@/web/features/devices/force-offline/force-offline-action';
import { FreezeAction } from '@/web/features/devices/freeze/freeze-action';
import { ReplaceKeyAction } from '@/web/features/devices/key-replacement/replace-key-action';
import { StatusAction } from '@/web/features/devices/status-modification/status-action';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The form (react-hook-form, the resolver) loads when the operator starts editing.
const DeviceEditForm = lazyWithMessages(() => import('@/web/features/devices/device-edit/device-edit-form'));

const actions: DeviceActionsSlot = (device, onDone) => (
  <>
    <StatusAction device={device} onDone={onDone} />
    <ForceOfflineAction device={device} onDone={onDone} />
    <FreezeAction device={device} onDone={onDone} />
    <ReplaceKeyAction device={device} />
  </>
);

/** /devices/:id: the app composes the device page from the features that act on one device. */
export default function DevicePageRoute() {
  return <DeviceDetailPage actions={actions} editor={DeviceEditForm} history={DeviceHistory} />;
}
