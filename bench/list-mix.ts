import { createRandom } from '@/server/db/seed/prng';
import { listTotal } from './http-get';

// Filters an operator uses: none, substring searches (common, rare, none matching, with 001's punctuation),
// each ROMA filter, and combinations. Names look like `cold-store-temp-0042(spare)` (src/server/db/seed).
export const FILTERS = [
  '',
  'device_name=temp',
  'device_name=meter-00',
  'device_name=12',
  'device_name=(spare)',
  'device_name=no-such-device',
  'online_status=1',
  'online_status=0,2',
  'status=1',
  'frozen=true',
  'product_id=10003',
  'node_type=2',
  'tag=critical',
  'online_status=1&device_name=pump',
  'product_id=10002&online_status=2',
  'tag=hvac&status=0&node_type=0',
] as const;

export const SORTS = ['', 'device_name', '-device_name', 'last_active_time', '-last_active_time', '-created_datetime', 'online_status', 'node_id', '-id'] as const;

/** The console's default page size. */
const PAGE = 50;

/**
 * A deterministic mix of list queries: every filter with every sort, at the first page, a near
 * page and a deep offset into its own result (the totals are asked first, unmeasured).
 */
export async function listQueryMix(baseUrl: string, token: string, count: number): Promise<string[]> {
  const totals = new Map<string, number>();
  for (const filter of FILTERS) totals.set(filter, await listTotal(baseUrl, token, filter));
  const rnd = createRandom(6);
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const filter = FILTERS[i % FILTERS.length]!;
    const sort = rnd.pick(SORTS);
    const lastPage = Math.max(0, Math.floor((totals.get(filter)! - 1) / PAGE));
    const where = rnd.next();
    // Half first pages, a quarter within the first 20 pages, a quarter anywhere down to the last page.
    const page = where < 0.5 ? 0 : where < 0.75 ? rnd.int(1, Math.min(20, Math.max(1, lastPage))) : rnd.int(0, lastPage);
    const parts = [filter, sort && `sort=${sort}`, `offset=${page * PAGE}`, `limit=${PAGE}`].filter(Boolean);
    queries.push(parts.join('&'));
  }
  return queries;
}
