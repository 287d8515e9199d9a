import type { Kysely } from 'kysely';
import type { DeviceFilter, DeviceSort, ListDevicesParams, SortField } from '@/contracts/roma';
import { countWorkspaceDevices, sumOfGroups } from './device-count';
import type { TagTest } from './device-filters';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** The field and direction of the list's `sort`: by id ascending when none is given. */
export function sortOrder(sort: DeviceSort | undefined): { field: SortField; direction: 'asc' | 'desc' } {
  if (!sort) return { field: 'id', direction: 'asc' };
  return sort.startsWith('-') ? { field: sort.slice(1) as SortField, direction: 'desc' } : { field: sort as SortField, direction: 'asc' };
}

/** Where a page is read from: its offset and size, in the list's order or in the reverse of it. */
export interface PageWindow {
  sort: DeviceSort | undefined;
  offset: number;
  limit: number;
  reversed: boolean;
}

const reverseSort = (sort: DeviceSort | undefined): DeviceSort => {
  const { field, direction } = sortOrder(sort);
  return direction === 'asc' ? `-${field}` : field;
};

/**
 * A page past the middle of its `total` matches is read from the far end, in reverse order: the walk
 * along the sort index to reach it is then at most half the matches long. At 100,000 devices, the
 * last page of `device_name=12` (3,970 matches) walked every index entry after the count had read them all.
 */
export function nearerEnd(params: ListDevicesParams, total: number): PageWindow {
  const { sort, offset, limit } = params;
  if (offset + limit / 2 <= total / 2) return { sort, offset, limit, reversed: false };
  const end = Math.min(total, offset + limit);
  return { sort: reverseSort(sort), offset: total - end, limit: Math.max(0, end - offset), reversed: true };
}

/**
 * Up to this many index entries read, a tag is tested by `probe` rather than `set` (see TagTest):
 * where the two cost the same at 100,000 devices (a first page of `tag=critical`: 5 ms by set,
 * 0.25 ms by probe; at offset 6,350 of it, 16 ms by set, 43 ms by probe).
 */
const PROBE_WALK = 7_500;

/** The filters whose own index leads with them and holds every sort column (0008). */
const GATHERABLE_FILTERS = ['status', 'frozen'] as const satisfies ReadonlyArray<keyof DeviceFilter>;

/**
 * The costs of a gather in entries of a walk along a sort index (~0.17 µs each, measured at 100,000
 * devices): an entry of the filter's index read, about two; a device kept for the sort (the page and
 * every one before it), about ten, for names.
 */
const GATHERED_ENTRY = 2;
const SORTED_ENTRY = 10;

/** How a page is read: its window, whether it is gathered from a filter's index, and how a tag is tested. */
export interface PagePlan {
  window: PageWindow;
  gather: boolean;
  tagTest: TagTest;
}

/** SQLite: how many devices of the workspace pass the rarer of `filter`'s gatherable tests, from device_counts. */
async function rarestGatherable(db: Db, workspaceId: string, filter: DeviceFilter): Promise<number | undefined> {
  const counts = await Promise.all(GATHERABLE_FILTERS.filter((key) => filter[key] !== undefined).map((key) => sumOfGroups(db, workspaceId, { [key]: filter[key] })));
  return counts.length > 0 ? Math.min(...counts) : undefined;
}

/**
 * SQLite: how to read the page of `params`, whose matches number `total`. The page is found by
 * walking a sort index from the nearer end, testing each entry: about `(offset + limit) × devices /
 * total` entries. Or, where a filter with its own index is rare enough, by gathering its devices
 * from that index and sorting them: at 100,000 devices, 2,947 disabled devices sorted by last
 * activity, from offset 500: 7.9 ms walked, 1.6 ms gathered. The walk's length is a guess that
 * assumes the matches spread evenly along the sort order; where they cluster at its far end, the
 * walk is longer (sorted by node id, the first page of one product's 13,473 devices was guessed at
 * 371 entries and walked 17 ms). Sorted by id, a filter's index already walks in the list's order.
 */
export async function planPage(db: Db, workspaceId: string, params: ListDevicesParams, total: number): Promise<PagePlan> {
  const window = nearerEnd(params, total);
  const rarest = sortOrder(params.sort).field === 'id' ? undefined : await rarestGatherable(db, workspaceId, params);
  if ((rarest === undefined && params.tag === undefined) || total === 0 || window.limit === 0) return { window, gather: false, tagTest: 'set' };
  const reach = window.offset + window.limit;
  const walked = (reach * (await countWorkspaceDevices(db, workspaceId))) / total;
  const gather = rarest !== undefined && GATHERED_ENTRY * rarest + SORTED_ENTRY * Math.min(total, reach) <= walked;
  const entries = gather ? rarest : walked;
  return { window, gather, tagTest: params.tag !== undefined && entries <= PROBE_WALK ? 'probe' : 'set' };
}
