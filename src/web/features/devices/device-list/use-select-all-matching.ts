import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceFilterQuery } from '@/contracts/roma';
import type { ApiError } from '@/web/api/api-error';
import { listMatchingDevices, type DeviceRef, type MatchingProgress } from '@/web/api/list-matching-devices';
import type { Selection } from '@/web/lib/use-selection';

/** Resolves every device under the filters (no cap, in pages) and adds them to the selection. */
export function useSelectAllMatching(selection: Selection<DeviceRef>) {
  const [progress, setProgress] = useState<MatchingProgress | null>(null);
  const mutation = useMutation<DeviceRef[], ApiError, DeviceFilterQuery>({
    mutationFn: (filters) => listMatchingDevices(filters, setProgress),
    onSuccess: (devices) => selection.setMany(devices, true),
    onSettled: () => setProgress(null),
  });
  return { selectAll: mutation.mutate, isPending: mutation.isPending, error: mutation.error, progress, reset: mutation.reset };
}
