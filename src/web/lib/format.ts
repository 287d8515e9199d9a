import type { NodeType, OnlineStatus } from '@/contracts/device';

const numberFormat = new Intl.NumberFormat('en-US');
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
// A flapping device connects and drops within one minute: its history needs the seconds.
const dateTimeSecondsFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

export const formatCount = (n: number): string => numberFormat.format(n);
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
export const formatDateTime = (ms: number | undefined): string => (ms === undefined ? '—' : dateTimeFormat.format(ms));
export const formatDateTimeSeconds = (ms: number): string => dateTimeSecondsFormat.format(ms);
export const formatTime = (ms: number): string => timeFormat.format(ms);

/** 001: 0 inactive (never connected), 1 online, 2 offline. */
export const ONLINE_STATUS_LABELS: Record<OnlineStatus, string> = { 0: 'Inactive', 1: 'Online', 2: 'Offline' };
export const DEVICE_STATUS_LABELS = { 0: 'Enabled', 1: 'Disabled' } as const;
export const NODE_TYPE_LABELS: Record<NodeType, string> = { 0: 'Direct', 1: 'Gateway', 2: 'Sub-device' };
