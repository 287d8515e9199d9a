import type { QueryClient } from '@tanstack/react-query';
import { listDevicesQuerySchema, type ListDevicesQuery, type ListedDevice } from '@/contracts/roma';

type ListParams = ReturnType<typeof listDevicesQuerySchema.parse>;

/** Whether the device meets the list's filters of state and tag (a name search is the service's to judge). */
function meetsFilters({ online_status, status, frozen, tag }: ListParams, device: ListedDevice): boolean {
  if (online_status && !online_status.includes(device.online_status)) return false;
  if (status !== undefined && device.status !== status) return false;
  if (frozen !== undefined && device.frozen !== frozen) return false;
  return tag === undefined || device.tags.includes(tag);
}

/**
 * Whether a device that changed in place may no longer belong where a list shows it: it left the
 * list's filter, or the value the list is sorted by changed. Such a row stays, marked, until the
 * operator refreshes the order, so nothing moves under the pointer or the selection.
 */
export function leftItsPlace(params: ListDevicesQuery, before: ListedDevice, after: ListedDevice): boolean {
  const parsed = listDevicesQuerySchema.safeParse(params);
  if (!parsed.success) return false;
  const { device_name, sort } = parsed.data;
  if (!meetsFilters(parsed.data, after)) return true;
  if (device_name && before.device_name !== after.device_name) return true;
  if (!sort) return false;
  const field = sort.replace(/^-/, '') as keyof ListedDevice;
  return before[field] !== after[field];
}

/**
 * Whether a marked row is back where it belongs: it meets the list's filters again, in a list in
 * the service's own order with no name search. (A sorted list's row may still be out of order: its
 * mark stays until the list is read again.)
 */
export function backInPlace(params: ListDevicesQuery, device: ListedDevice): boolean {
  const parsed = listDevicesQuerySchema.safeParse(params);
  return parsed.success && !parsed.data.sort && !parsed.data.device_name && meetsFilters(parsed.data, device);
}

type Marks = Map<string, ReadonlySet<number>>;
const marksByClient = new WeakMap<QueryClient, Marks>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<number> = new Set();

function marksOf(queryClient: QueryClient): Marks {
  let marks = marksByClient.get(queryClient);
  if (!marks) {
    marks = new Map();
    marksByClient.set(queryClient, marks);
    // A list read afresh is in order again: its marks go.
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual) clearMarks(queryClient, event.query.queryHash);
    });
  }
  return marks;
}

const notify = () => listeners.forEach((listener) => listener());

/** Marks rows of the list cached under `queryHash`. */
export function markRows(queryClient: QueryClient, queryHash: string, ids: Iterable<number>): void {
  const marks = marksOf(queryClient);
  const next = new Set(marks.get(queryHash) ?? []);
  for (const id of ids) next.add(id);
  marks.set(queryHash, next);
  notify();
}

/** Takes the marks off rows of the list cached under `queryHash`. */
export function unmarkRows(queryClient: QueryClient, queryHash: string, ids: Iterable<number>): void {
  const marks = marksOf(queryClient);
  const current = marks.get(queryHash);
  if (!current) return;
  const next = new Set(current);
  for (const id of ids) next.delete(id);
  if (next.size === current.size) return;
  if (next.size === 0) marks.delete(queryHash);
  else marks.set(queryHash, next);
  notify();
}

export function clearMarks(queryClient: QueryClient, queryHash: string): void {
  const marks = marksOf(queryClient);
  if (!marks.has(queryHash)) return;
  marks.delete(queryHash);
  notify();
}

export function markedRows(queryClient: QueryClient, queryHash: string): ReadonlySet<number> {
  return marksOf(queryClient).get(queryHash) ?? EMPTY;
}

export function subscribeMarks(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
