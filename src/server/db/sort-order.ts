import type { DeviceSort, SortField } from '@/contracts/roma';

/** The field and direction of the list's `sort`: by id ascending when none is given. */
export function sortOrder(sort: DeviceSort | undefined): { field: SortField; direction: 'asc' | 'desc' } {
  if (!sort) return { field: 'id', direction: 'asc' };
  return sort.startsWith('-') ? { field: sort.slice(1) as SortField, direction: 'desc' } : { field: sort as SortField, direction: 'asc' };
}
