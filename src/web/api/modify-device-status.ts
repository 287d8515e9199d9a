import { z } from 'zod/mini';
import type { EnosDeviceStatus } from '@/contracts/enos';
import { apiFetch, currentSession } from '@/web/api/client';

export const modifyDeviceStatusMutationKey = ['devices', 'modify-status'] as const;

/**
 * 000 "Modify Device Status": corrects the displayed status only. EnOS answers HTTP 200 and puts
 * a refusal in `code` (11404, 99400 with a message per rule); the client turns that into an ApiError.
 */
export async function modifyDeviceStatus(assetId: string, status: EnosDeviceStatus): Promise<void> {
  await apiFetch({
    method: 'POST',
    path: '/connect-service/v2.4/devices',
    query: { action: 'modifyDeviceStatus', orgId: currentSession().orgId },
    body: { assetId, status },
    schema: z.null(),
  });
}
