import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import type { DeviceStatus, OnlineStatus } from '@/contracts/device';
import { DEVICE_STATUS_LABELS, ONLINE_STATUS_LABELS } from '@/web/lib/format';
import '@/web/components/status-badge.css';

type BadgeProps = { kind: 'online'; value: OnlineStatus } | { kind: 'status'; value: DeviceStatus } | { kind: 'frozen'; value: boolean };

const ONLINE_TONES = { 0: 'inactive', 1: 'online', 2: 'offline' } as const;

/**
 * A state as colour, dot and text together: never colour alone. The dot is drawn in CSS, so a
 * table row holds one element per badge, not two.
 */
export function StatusBadge(props: BadgeProps) {
  let tone: string;
  let label: string;
  if (props.kind === 'online') {
    tone = ONLINE_TONES[props.value];
    label = i18n._(ONLINE_STATUS_LABELS[props.value]);
  } else if (props.kind === 'status') {
    tone = props.value === 0 ? 'enabled' : 'disabled';
    label = i18n._(DEVICE_STATUS_LABELS[props.value]);
  } else {
    tone = props.value ? 'frozen' : 'none';
    label = props.value ? t`Frozen` : t`No`;
  }
  return (
    <span className={`badge badge-${tone}`}>{label}</span>
  );
}
