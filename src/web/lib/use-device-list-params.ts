import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { nextParams, parseListParams, toSearch, withoutFilters, type ListParams } from '@/web/lib/device-list-url';

/**
 * The device list's filters, sort and page, held in the URL: every change is a history entry,
 * so a view can be bookmarked and the back button walks back through it.
 */
export function useDeviceListParams() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = useMemo(() => parseListParams(search), [search]);

  const go = useCallback(
    (next: ListParams) => {
      const query = toSearch(next);
      navigate(query ? `${location}?${query}` : location);
    },
    [location, navigate],
  );
  const update = useCallback((patch: Partial<ListParams>) => go(nextParams(params, patch)), [go, params]);
  const clearFilters = useCallback(() => go(withoutFilters(params)), [go, params]);
  return { params, update, clearFilters };
}
