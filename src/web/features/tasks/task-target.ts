import type { BatchTask } from '@/contracts/iotda-batch-tasks';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { DEVICE_STATUS_LABELS, formatDateTime, NODE_TYPE_LABELS, ONLINE_STATUS_LABELS, plural } from '@/web/lib/format';

type SentFilter = NonNullable<BatchTask['targets_filter']>;
type Words = (value: string) => string;

const labelOf = (labels: Record<number, string>, value: string) => labels[Number(value)] ?? value;
const date = (value: string) => (/^\d+$/.test(value) ? formatDateTime(Number(value)) : value);
const either = (values: string, word: (v: string) => string) => values.split(',').map(word).join(' or ');

// In the device list's order of filters, each as the list would say it.
const FILTER_WORDS: Record<keyof DeviceFilterQuery, Words> = {
  device_name: (v) => `name contains “${v}”`,
  product_id: (v) => `product ${v}`,
  parent_device_id: (v) => `sub-devices of device ${v}`,
  node_id: (v) => `node ID ${either(v, (id) => id)}`,
  node_type: (v) => `node type ${labelOf(NODE_TYPE_LABELS, v)}`,
  online_status: (v) => either(v, (s) => labelOf(ONLINE_STATUS_LABELS, s)),
  status: (v) => labelOf(DEVICE_STATUS_LABELS, v),
  tag: (v) => `tagged “${v}”`,
  created_date_start: (v) => `created from ${date(v)}`,
  created_date_end: (v) => `created until ${date(v)}`,
  frozen: (v) => (v === 'true' ? 'frozen' : 'not frozen'),
};

const FILTER_KEYS = Object.keys(FILTER_WORDS) as Array<keyof DeviceFilterQuery>;

/** The device list's own filters of the sent filter, without what the task adds (except_targets). */
function listFilterOf(filter: SentFilter): Array<[keyof DeviceFilterQuery, string]> {
  return FILTER_KEYS.flatMap((key) => {
    const value = filter[key];
    return value === undefined || value === '' ? [] : [[key, value] as [keyof DeviceFilterQuery, string]];
  });
}

/** What the task acted on: the devices it named, or the filter it was given (less the devices left out), in words. */
export function describeTarget(task: Pick<BatchTask, 'targets' | 'targets_filter'>): string {
  if (task.targets) return `${plural(task.targets.length, 'device')} named by ID`;
  if (!task.targets_filter) return 'Not recorded';
  const conditions = listFilterOf(task.targets_filter).map(([key, value]) => FILTER_WORDS[key](value));
  const matching = conditions.length === 0 ? 'Every device in the workspace' : `Devices matching: ${conditions.join(', ')}`;
  const left = task.targets_filter.except_targets?.length ?? 0;
  return left > 0 ? `${matching}; ${plural(left, 'device')} left out` : matching;
}

/**
 * The device list showing the filter's devices as they are now (the list has no way to leave
 * devices out). The list's address holds its filter's own parameters, so this builds it without
 * the list's URL module: importing that from here split a first-load chunk of the console (+0.1 kB).
 */
export function filterListHref(filter: SentFilter): string {
  const query = new URLSearchParams(listFilterOf(filter)).toString();
  return query ? `/?${query}` : '/';
}
