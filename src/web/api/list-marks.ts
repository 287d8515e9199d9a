import type { QueryClient } from '@tanstack/react-query';
import { listDevicesQuerySchema, type ListDevicesQuery } from '@/contracts/roma';
import type { Device } from '@/contracts/device';

/**
 * Whether a device that changed in place may no longer belong where a list shows it: it left the
 * list's filter, or the value the list is sorted by changed. Such a row stays, marked, until the
 * operator refreshes the order, so nothing moves under the pointer or the selection.
 */
export function leftItsPlace(params: ListDevicesQuery, before: Device, after: Device): boolean {
  const parsed = listDevicesQuerySchema.safeParse(params);
  if (!parsed.success) return false;
  const { online_status, status, frozen, tag, device_name, sort } = parsed.data;
  if (online_status && !online_status.includes(after.online_status)) return true;
  if (status !== undefined && after.status !== status) return true;
  if (frozen !== undefined && after.frozen !== frozen) return true;
  if (tag !== undefined && !after.tags.includes(tag)) return true;
  if (device_name && before.device_name !== after.device_name) return true;
  if (!sort) return false;
  const field = sort.replace(/^-/, '') as keyof Device;
  return before[field] !== after[field];
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
