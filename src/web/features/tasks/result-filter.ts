import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { useLocation, useSearch } from 'wouter';
import type { TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { TaskDetailStatus } from '@/contracts/iotda-batch-task-details';

export const RESULTS = ['all', 'succeeded', 'failed', 'stopped', 'waiting'] as const;
export type Result = (typeof RESULTS)[number];

interface ResultFilter {
  label: MessageDescriptor;
  /** The subtask status asked of IoTDA, as IoTDA spells it (a key, never shown); every one when absent. */
  statusKey: TaskDetailStatus | undefined;
  /** How many the task's progress counts of it. */
  count: (p: TaskProgress) => number;
  empty: MessageDescriptor;
}

export const RESULT_FILTERS: Record<Result, ResultFilter> = {
  all: { label: msg`All`, statusKey: undefined, count: (p) => p.total, empty: msg`This task has no devices.` },
  succeeded: { label: msg`Succeeded`, statusKey: 'Success', count: (p) => p.success, empty: msg`No device has succeeded yet.` },
  failed: { label: msg`Failed`, statusKey: 'Fail', count: (p) => p.fail, empty: msg`No device has failed.` },
  stopped: { label: msg`Stopped`, statusKey: 'Stopped', count: (p) => p.stopped, empty: msg`No device was stopped.` },
  waiting: { label: msg`Waiting`, statusKey: 'Waitting', count: (p) => p.waitting, empty: msg`No device is waiting.` },
};

const isResult = (value: string | null): value is Result => (RESULTS as readonly (string | null)[]).includes(value);

/** The report's filter, held in the URL (`?result=failed`) so a view of the failures can be shared. */
export function useResultFilter(): [Result, (result: Result) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(search).get('result');
  const result = isResult(value) ? value : 'all';
  return [result, (next) => navigate(next === 'all' ? location : `${location}?result=${next}`)];
}
