import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';

/** How the device list's bulk actions speak of each task type. */
export const TASK_WORDS: Record<BatchTaskType, { title: (devices: string) => string; confirm: (devices: string) => string; done: string; running: string }> = {
  forceOfflineDevices: { title: (d) => `Force ${d} offline?`, confirm: (d) => `Force ${d} offline`, done: 'brought offline', running: 'Bringing devices offline' },
  freezeDevices: { title: (d) => `Freeze ${d}?`, confirm: (d) => `Freeze ${d}`, done: 'frozen', running: 'Freezing devices' },
  unfreezeDevices: { title: (d) => `Unfreeze ${d}?`, confirm: (d) => `Unfreeze ${d}`, done: 'unfrozen', running: 'Unfreezing devices' },
};
