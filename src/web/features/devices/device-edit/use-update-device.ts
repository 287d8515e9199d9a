import type { UpdateDeviceBody } from '@/contracts/roma';
import type { DeviceDetail } from '@/web/api/get-device';
import { updateDevice, updateDeviceMutationKey } from '@/web/api/update-device';
import { useOptimisticDeviceMutation } from '@/web/api/use-optimistic-device-mutation';

export interface UpdateDeviceVariables {
  id: number;
  body: UpdateDeviceBody;
  /** The ETag of the device the edit started from; null when the service sent none. */
  etag: string | null;
}

/** 001 with If-Match; the detail and every list show the new values at once and roll back on failure. */
export function useUpdateDevice() {
  return useOptimisticDeviceMutation<DeviceDetail, UpdateDeviceVariables>({
    mutationKey: updateDeviceMutationKey,
    mutationFn: ({ id, body, etag }) => updateDevice(id, body, etag),
    ids: ({ id }) => [id],
    patch:
      ({ body }) =>
      (device) => ({
        ...device,
        device_name: body.device_name,
        status: body.status,
        description: body.description ?? device.description,
        tags: body.tags ?? device.tags,
      }),
  });
}
