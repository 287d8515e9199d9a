import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { DeviceFilterQuery } from '@/contracts/roma';
import { filtersOf, nextParams, parseListParams, toSearch, withoutFilters, type ListParams } from '@/web/lib/device-list-url';

/**
 * The device list's filters, sort and page, held in the URL: every change is a history entry,
 * so a view can be bookmarked and the back button walks back through it.
 *
 * `update` and `clearFilters` keep their identity, and `filters` changes only with a filter, so
 * the summary and the filter form (memoised) skip a sort click, a page turn or a refetch.
 */
export function useDeviceListParams() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = useMemo(() => parseListParams(search), [search]);
  const filtersKey = JSON.stringify(filtersOf(params));
  const filters = useMemo(() => JSON.parse(filtersKey) as DeviceFilterQuery, [filtersKey]);

  // The parameters on screen, read when the operator acts rather than captured when rendered.
  const current = useRef(params);
  useLayoutEffect(() => {
    current.current = params;
  }, [params]);

  const go = useCallback(
    (next: ListParams) => {
      const query = toSearch(next);
      navigate(query ? `${location}?${query}` : location);
    },
    [location, navigate],
  );
  const update = useCallback((patch: Partial<ListParams>) => go(nextParams(current.current, patch)), [go]);
  const clearFilters = useCallback(() => go(withoutFilters(current.current)), [go]);
  return { params, filters, update, clearFilters };
}
