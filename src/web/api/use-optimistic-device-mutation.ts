import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from '@/web/api/api-error';
import { patchDevicesOptimistically, settleDeviceMutation, type DevicePatch, type OptimisticHandle } from '@/web/api/optimistic-devices';

export interface OptimisticDeviceMutation<TData, TVariables> {
  mutationKey: QueryKey;
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The devices the mutation changes, and how they look once it succeeds. */
  ids: (variables: TVariables) => Iterable<number>;
  patch: (variables: TVariables) => DevicePatch;
}

/**
 * A device mutation whose effect shows at once: patch on mutate, roll back on error,
 * refetch when the last concurrent one settles. Surface `error` to say why it was undone.
 */
export function useOptimisticDeviceMutation<TData, TVariables>(options: OptimisticDeviceMutation<TData, TVariables>) {
  const queryClient = useQueryClient();
  const { mutationKey, mutationFn, ids, patch } = options;
  return useMutation<TData, ApiError, TVariables, OptimisticHandle>({
    mutationKey,
    mutationFn,
    onMutate: (variables) => patchDevicesOptimistically(queryClient, ids(variables), patch(variables)),
    onError: (_error, _variables, handle) => handle?.rollback(),
    onSettled: (_data, _error, _variables, handle) => {
      handle?.release();
      return settleDeviceMutation(queryClient, mutationKey);
    },
  });
}
