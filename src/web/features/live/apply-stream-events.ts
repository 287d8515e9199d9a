import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { EventSourceMessage } from 'eventsource-parser';
import type { DeviceSummary } from '@/contracts/console';
import { activityEventSchema, devicesEventSchema, EVENT_NAMES, summaryEventSchema, type DeviceChange } from '@/contracts/console-events';
import type { ListDevicesQuery } from '@/contracts/roma';
import type * as TasksEvents from '@/web/api/apply-tasks-event';
import { batchTaskKeys } from '@/web/api/batch-task-keys';
import { DEVICE_HOLDERS, isListData, mapCachedDevices, type CachedDevice } from '@/web/api/cached-devices';
import { connectionActivityQuery, withMinutes } from '@/web/api/connection-activity';
import { deviceQueries } from '@/web/api/device-queries';
import { deviceSummaryQuery } from '@/web/api/get-device-summary';
import { awaitsAnswer } from '@/web/api/optimistic-devices';
import { backInPlace, leftItsPlace, markedRows, markRows, unmarkRows } from '@/web/api/list-marks';

type Present = Exclude<DeviceChange, { deleted: true }>;

const isSummary = ({ queryKey }: { queryKey: QueryKey }) => queryKey[1] === 'summary';
const OPTIONAL_FIELDS = ['last_active_time', 'last_login_datetime', 'client_ip'] as const;

// Batch tasks are applied only where a Tasks page holds some, by a module loaded then: the tasks'
// contract stays out of the console's first load.
let tasksApplier: Promise<typeof TasksEvents> | undefined;
function applyTasksLater(queryClient: QueryClient, events: readonly string[]): void {
  if (queryClient.getQueryCache().findAll({ queryKey: batchTaskKeys.all() }).length === 0) return;
  tasksApplier ??= import('@/web/api/apply-tasks-event').catch((error: unknown) => {
    tasksApplier = undefined;
    throw error;
  });
  void tasksApplier.then(({ applyTasksEvents }) => applyTasksEvents(queryClient, events));
}

/**
 * The device with the state the stream reports; a field a whole change lacks is one the device no
 * longer has. A change without a revision moved only the device's last activity.
 */
function merged<T extends CachedDevice>(device: T, change: Present): T {
  if (!('revision' in change)) return { ...device, last_active_time: change.last_active_time };
  const { revision: _revision, ...fields } = change;
  const next: T = { ...device, ...fields };
  for (const field of OPTIONAL_FIELDS) if (!(field in change)) delete next[field];
  return next;
}

/** Marks the rows of a cached list page that the changes take out of its filter or its order, and unmarks those they bring back. */
function markMoves(queryClient: QueryClient, query: { queryKey: QueryKey; queryHash: string; state: { data: unknown } }, changes: ReadonlyMap<number, Present>): void {
  if (!isListData(query.state.data)) return;
  const params = query.queryKey[2] as ListDevicesQuery;
  const marked = markedRows(queryClient, query.queryHash);
  const moved: number[] = [];
  const back: number[] = [];
  for (const device of query.state.data.items) {
    const change = changes.get(device.id);
    if (!change) continue;
    const after = merged(device, change);
    if (leftItsPlace(params, device, after)) moved.push(device.id);
    else if (marked.has(device.id) && backInPlace(params, after)) back.push(device.id);
  }
  if (moved.length > 0) markRows(queryClient, query.queryHash, moved);
  if (back.length > 0) unmarkRows(queryClient, query.queryHash, back);
}

/**
 * Applies a batch of stream events to the cache in one pass, so a frame's worth of events is one
 * render: devices are updated in place where any list or page shows them (never refetched; a row
 * that leaves its list's filter or order is marked, not moved: list-marks.ts), the
 * unfiltered summary is replaced, filtered ones are counted again, the activity chart's minutes
 * the stream counted are replaced, batch tasks go to the Tasks pages' cache (apply-tasks-event.ts),
 * and `reset` refetches all.
 */
export function applyStreamEvents(queryClient: QueryClient, events: readonly EventSourceMessage[]): void {
  const changes = new Map<number, Present>();
  let summary: DeviceSummary | undefined;
  const tasks: string[] = [];
  let reset = false;
  for (const event of events) {
    if (event.event === EVENT_NAMES.reset) reset = true;
    if (event.event === EVENT_NAMES.tasks) tasks.push(event.data);
    if (event.event === EVENT_NAMES.summary) summary = summaryEventSchema.parse(JSON.parse(event.data));
    if (event.event === EVENT_NAMES.activity) {
      const { minutes } = activityEventSchema.parse(JSON.parse(event.data));
      queryClient.setQueryData(connectionActivityQuery().queryKey, (data) => data && withMinutes(data, minutes));
    }
    if (event.event !== EVENT_NAMES.devices) continue;
    for (const change of devicesEventSchema.parse(JSON.parse(event.data)).changes) {
      // A gone device keeps its row until the operator refreshes: it never vanishes under the pointer.
      if ('deleted' in change) continue;
      if (awaitsAnswer(queryClient, change.id)) continue;
      changes.set(change.id, change);
    }
  }
  if (tasks.length > 0) applyTasksLater(queryClient, tasks);
  if (reset) {
    void queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
    void queryClient.invalidateQueries({ queryKey: batchTaskKeys.all() });
    return;
  }
  if (changes.size > 0) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: deviceQueries.lists() })) markMoves(queryClient, query, changes);
    queryClient.setQueriesData(DEVICE_HOLDERS, (data: unknown) => mapCachedDevices(data, changes, (d) => merged(d, changes.get(d.id)!)));
    // A device page shows the device's connection history and report: those of changed devices are read again.
    const stories = queryClient.getQueryCache().findAll({ queryKey: deviceQueries.details(), predicate: ({ queryKey }) => queryKey.length > 3 && changes.has(queryKey[2] as number) });
    for (const { queryKey } of stories) void queryClient.invalidateQueries({ queryKey, exact: true });
  }
  if (summary) {
    queryClient.setQueryData(deviceSummaryQuery({}).queryKey, summary);
    void queryClient.invalidateQueries({
      queryKey: deviceQueries.all(),
      predicate: (query) => isSummary(query) && Object.values((query.queryKey[2] ?? {}) as object).some((v) => v !== undefined && v !== ''),
    });
  }
}
