import { hashKey, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { markedRows, subscribeMarks } from '@/web/api/list-marks';

/** The rows of the list under `queryKey` that changed out of their place, and the refresh that puts the list in order. */
export function useMarkedRows(queryKey: QueryKey): { marked: ReadonlySet<number>; refresh: () => void } {
  const queryClient = useQueryClient();
  const hash = hashKey(queryKey);
  const marked = useSyncExternalStore(subscribeMarks, () => markedRows(queryClient, hash));
  // The marks go once the list is read afresh (list-marks.ts).
  const refresh = () => void queryClient.invalidateQueries({ queryKey, exact: true });
  return { marked, refresh };
}
