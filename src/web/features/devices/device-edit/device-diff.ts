import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { Device } from '@/contracts/device';
import type { UpdateDeviceBody } from '@/contracts/roma';
import { DEVICE_STATUS_LABELS } from '@/web/lib/format';

export interface FieldDifference {
  field: keyof UpdateDeviceBody;
  label: string;
  /** When the edit started. */
  before: string;
  /** On the service now. */
  now: string;
  /** What the operator is about to save. */
  yours: string;
}

const LABELS: Record<keyof UpdateDeviceBody, MessageDescriptor> = {
  device_name: msg`Name`,
  status: msg`Enabled`,
  description: msg`Description`,
  tags: msg`Tags`,
};

const show = {
  device_name: (v: string) => v,
  status: (v: 0 | 1) => i18n._(DEVICE_STATUS_LABELS[v]),
  description: (v: string) => (v === '' ? t`(none)` : v),
  tags: (v: readonly string[]) => (v.length === 0 ? t`(none)` : v.join(', ')),
};

/** The form's values of a device, as the edit form starts with them. */
export const editValuesOf = (device: Device): Required<UpdateDeviceBody> => ({
  device_name: device.device_name,
  status: device.status,
  description: device.description,
  tags: [...device.tags],
});

/**
 * The 001 fields someone else changed between `before` (what the edit started from) and `now`,
 * with the operator's own value beside each: what a save would overwrite.
 */
export function editedFieldDifferences(before: Device, now: Device, yours: UpdateDeviceBody): FieldDifference[] {
  const a = editValuesOf(before);
  const b = editValuesOf(now);
  const mine: Required<UpdateDeviceBody> = {
    device_name: yours.device_name,
    status: yours.status,
    description: yours.description ?? a.description,
    tags: yours.tags ?? a.tags,
  };
  const out: FieldDifference[] = [];
  const push = <K extends keyof UpdateDeviceBody>(field: K, text: (v: Required<UpdateDeviceBody>[K]) => string) => {
    if (text(a[field]) === text(b[field])) return;
    out.push({ field, label: i18n._(LABELS[field]), before: text(a[field]), now: text(b[field]), yours: text(mine[field]) });
  };
  push('device_name', show.device_name);
  push('status', show.status);
  push('description', show.description);
  push('tags', show.tags);
  return out;
}
