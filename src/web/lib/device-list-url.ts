import { deviceFilterQuerySchema, listDevicesQuerySchema, type DeviceFilterQuery, type ListDevicesQuery } from '@/contracts/roma';

/**
 * The list's whole state is its query string, with the API's own parameter names; the fields each
 * row carries are the console's to choose (list-devices.ts), not the address's.
 */
export type ListParams = Omit<ListDevicesQuery, 'fields'>;

export const FILTER_KEYS = Object.keys(deviceFilterQuerySchema.shape) as Array<keyof DeviceFilterQuery>;
const PARAM_KEYS = Object.keys(listDevicesQuerySchema.shape).filter((key) => key !== 'fields') as Array<keyof ListParams>;

export const PAGE_SIZES = [20, 50, 100, 200, 500, 999] as const;
export const DEFAULT_PAGE_SIZE = '50';

/**
 * Reads the list's parameters from a query string, each checked with the contract the service
 * validates with; a bad value (a hand-edited bookmark) is dropped rather than sent to fail.
 */
export function parseListParams(search: string): ListParams {
  const source = new URLSearchParams(search);
  const params: Record<string, string> = {};
  for (const key of PARAM_KEYS) {
    const value = source.get(key);
    if (value === null || value === '') continue;
    if (listDevicesQuerySchema.shape[key].safeParse(value).success) params[key] = value;
  }
  params.offset ??= '0';
  params.limit ??= DEFAULT_PAGE_SIZE;
  return params as ListParams;
}

/** The query string of `params`, in a stable key order and without defaults, for clean bookmarks. */
export function toSearch(params: ListParams): string {
  const out = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = params[key];
    if (value === undefined || value === '') continue;
    if (key === 'offset' && value === '0') continue;
    if (key === 'limit' && value === DEFAULT_PAGE_SIZE) continue;
    out.set(key, String(value));
  }
  return out.toString();
}

/** The device list's address showing `params`, for links from other pages. */
export function deviceListHref(params: ListParams): string {
  const query = toSearch(params);
  return query ? `/?${query}` : '/';
}

export function filtersOf(params: ListParams): DeviceFilterQuery {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value !== undefined) filters[key] = String(value);
  }
  return filters as DeviceFilterQuery;
}

export const hasFilters = (params: DeviceFilterQuery): boolean => FILTER_KEYS.some((key) => params[key] !== undefined);

/** A change of filters or sort starts again at the first page; paging keeps its offset. */
export function nextParams(current: ListParams, patch: Partial<ListParams>): ListParams {
  const merged: Record<string, unknown> = { ...current, ...patch };
  if (!('offset' in patch)) merged.offset = '0';
  for (const key of Object.keys(merged)) if (merged[key] === undefined || merged[key] === '') delete merged[key];
  return merged as ListParams;
}

export function withoutFilters(current: ListParams): ListParams {
  return { offset: '0', limit: current.limit, ...(current.sort && { sort: current.sort }) };
}
