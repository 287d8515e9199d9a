import { t } from '@lingui/core/macro';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Device } from '@/contracts/device';
import type { ReplaceDeviceBody } from '@/contracts/enos';
import { deviceQueries } from '@/web/api/device-queries';
import { replaceDevice } from '@/web/api/replace-device';
import type { DeviceCredentials } from '@/web/features/devices/key-replacement/credentials';
import { decryptDeviceSecret } from '@/web/features/devices/key-replacement/decrypt-secret';

/** A replacement that went through; `credentials` only when a secret was asked for and opened. */
export type Replaced =
  | { deviceKey: string; credentials: DeviceCredentials }
  | { deviceKey: string; credentials?: undefined; unopened?: string };

/** 002 leaves the device with the new key, disconnected and inactive: show that at once, then refetch. */
function showReplacement(queryClient: QueryClient, deviceId: number, deviceKey: string) {
  queryClient.setQueryData(deviceQueries.detail(deviceId).queryKey, (detail) =>
    detail && { ...detail, device: { ...detail.device, device_key: deviceKey, online_status: 0 as const, connected: false } },
  );
  // Lists, counts and the detail's ETag all changed on the service.
  void queryClient.invalidateQueries({ queryKey: deviceQueries.all() });
}

/**
 * Replaces the key with a plain call rather than `useMutation`: a mutation keeps its result in
 * the shared mutation cache, and this result is the sealed secret. The sealed fields live only in
 * this function; the opened secret goes back to the caller's component state and nowhere else.
 */
export function useReplaceKey(device: Device) {
  const queryClient = useQueryClient();
  return useCallback(
    async (body: ReplaceDeviceBody, privateKey: CryptoKey | undefined): Promise<Replaced> => {
      const { deviceSecret, sessionKey, ...result } = await replaceDevice(device, body);
      showReplacement(queryClient, device.id, result.deviceKey);
      if (!body.requireSecret) return { deviceKey: result.deviceKey };
      if (!deviceSecret || !sessionKey || !privateKey) return { deviceKey: result.deviceKey, unopened: t`The service sent no sealed secret.` };
      try {
        const secret = await decryptDeviceSecret(privateKey, { deviceSecret, sessionKey });
        return { deviceKey: result.deviceKey, credentials: { productKey: result.productKey, deviceKey: result.deviceKey, deviceSecret: secret } };
      } catch {
        return { deviceKey: result.deviceKey, unopened: t`This browser’s organisation key could not open the secret the service sealed.` };
      }
    },
    [device, queryClient],
  );
}
