import { useLingui } from '@lingui/react/macro';
import type { ListedDevice } from '@/contracts/roma';
import { toDeviceRef } from '@/web/api/device-selection';
import { useTablePage, useTableSelection } from '@/web/features/devices/device-list/table-selection-context';

export function PageCheckbox() {
  const { t } = useLingui();
  const selection = useTableSelection();
  const page = useTablePage();
  const state = selection.pageState(page);
  return (
    <input
      type="checkbox"
      aria-label={t`Select all devices on this page`}
      checked={state === 'all'}
      disabled={page.length === 0}
      ref={(el) => {
        if (el) el.indeterminate = state === 'some';
      }}
      onChange={(event) => selection.setMany(page.map(toDeviceRef), event.target.checked)}
    />
  );
}

export function RowCheckbox({ device }: { device: ListedDevice }) {
  const { t } = useLingui();
  const selection = useTableSelection();
  const name = device.device_name;
  return (
    <input
      type="checkbox"
      aria-label={t`Select ${name}`}
      checked={selection.isSelected(device.id)}
      onChange={() => selection.toggle(toDeviceRef(device))}
    />
  );
}
