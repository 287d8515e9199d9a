import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { DEVICE_HOLDERS, isDetailData, isListData, mapCachedDevices, type CachedDevice } from '@/web/api/cached-devices';
import { deviceQueries } from '@/web/api/device-queries';

/** A change painted on a device wherever it is cached: a detail's whole device or a list's row of it. */
export type DevicePatch = <T extends CachedDevice>(device: T) => T;

/** Undoes an optimistic patch, for all its devices or only some (those a partial answer refused). */
export interface OptimisticHandle {
  rollback: (ids?: Iterable<number>) => void;
  /** The mutation has its answer: the devices are no longer awaiting one (call once it settles). */
  release: () => void;
}

/** Per cache, how many patches each device awaits answers for. */
const awaiting = new WeakMap<QueryClient, Map<number, number>>();

/**
 * Whether the device has an optimistic patch awaiting its answer. The event stream leaves such a
 * device alone: an event read before the operator's change committed would paint the old state
 * back; the refetch when the mutation settles brings the outcome.
 */
export function awaitsAnswer(queryClient: QueryClient, id: number): boolean {
  return (awaiting.get(queryClient)?.get(id) ?? 0) > 0;
}

type Snapshot = Array<[QueryKey, unknown]>;

/**
 * Patches the devices `ids` in every cached list and detail at once, and returns the undo.
 * Synchronous, so the change paints in the frame of the click that caused it. Rollback restores
 * each device from the snapshot rather than whole queries, so undoing one mutation never erases
 * what a concurrent one patched on other devices.
 */
export function patchDevicesOptimistically(queryClient: QueryClient, ids: Iterable<number>, patch: DevicePatch): OptimisticHandle {
  const idSet = new Set(ids);
  const counts = awaiting.get(queryClient) ?? new Map<number, number>();
  awaiting.set(queryClient, counts);
  for (const id of idSet) counts.set(id, (counts.get(id) ?? 0) + 1);
  let released = false;
  // A refetch landing after the patch would paint the old state back. Cancelling reverts each
  // query at once (inside cancel, not when its promise settles), so the patch below comes after.
  void queryClient.cancelQueries(DEVICE_HOLDERS);
  const snapshot: Snapshot = queryClient.getQueriesData(DEVICE_HOLDERS);
  queryClient.setQueriesData(DEVICE_HOLDERS, (data: unknown) => mapCachedDevices(data, idSet, patch));

  // A detail holds the whole device and a list's row only the listed fields, so a detail's copy,
  // where one is cached, restores both; a row's copy is put back over what the device holds.
  const originals = new Map<number, CachedDevice>();
  for (const [, data] of snapshot) if (isDetailData(data) && idSet.has(data.device.id)) originals.set(data.device.id, data.device);
  for (const [, data] of snapshot) {
    if (isListData(data)) for (const d of data.items) if (idSet.has(d.id) && !originals.has(d.id)) originals.set(d.id, d);
  }
  return {
    rollback: (only) => {
      const undo = only ? new Set([...only].filter((id) => originals.has(id))) : new Set(originals.keys());
      if (undo.size === 0) return;
      queryClient.setQueriesData(DEVICE_HOLDERS, (data: unknown) => mapCachedDevices(data, undo, (d) => ({ ...d, ...originals.get(d.id) })));
    },
    release: () => {
      if (released) return;
      released = true;
      for (const id of idSet) {
        const left = (counts.get(id) ?? 1) - 1;
        if (left > 0) counts.set(id, left);
        else counts.delete(id);
      }
    },
  };
}

/** Refetches devices once the last mutation of this kind settles, so earlier answers don't flicker. */
export function settleDeviceMutation(queryClient: QueryClient, mutationKey: QueryKey): Promise<void> | undefined {
  if (queryClient.isMutating({ mutationKey }) > 1) return undefined;
  return queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
}
