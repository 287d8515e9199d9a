import { plural, t } from '@lingui/core/macro';
import type { BatchTaskType } from '@/contracts/iotda-batch-tasks';

interface TaskWords {
  /** The confirm dialog's title and button, for `count` devices. */
  title: (count: number) => string;
  confirm: (count: number) => string;
  /** The action in the past tense, for the outcome line: "2 frozen, 1 failed." */
  done: () => string;
  running: () => string;
}

/** How the device list's bulk actions speak of each task type; called at render, in the language on screen. */
export const TASK_WORDS: Record<BatchTaskType, TaskWords> = {
  forceOfflineDevices: {
    title: (count) => t`${plural(count, { one: 'Force # device offline?', other: 'Force # devices offline?' })}`,
    confirm: (count) => t`${plural(count, { one: 'Force # device offline', other: 'Force # devices offline' })}`,
    done: () => t`brought offline`,
    running: () => t`Bringing devices offline`,
  },
  freezeDevices: {
    title: (count) => t`${plural(count, { one: 'Freeze # device?', other: 'Freeze # devices?' })}`,
    confirm: (count) => t`${plural(count, { one: 'Freeze # device', other: 'Freeze # devices' })}`,
    done: () => t`frozen`,
    running: () => t`Freezing devices`,
  },
  unfreezeDevices: {
    title: (count) => t`${plural(count, { one: 'Unfreeze # device?', other: 'Unfreeze # devices?' })}`,
    confirm: (count) => t`${plural(count, { one: 'Unfreeze # device', other: 'Unfreeze # devices' })}`,
    done: () => t`unfrozen`,
    running: () => t`Unfreezing devices`,
  },
};
