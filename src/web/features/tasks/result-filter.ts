import { useLocation, useSearch } from 'wouter';
import type { TaskProgress } from '@/contracts/iotda-batch-tasks';
import type { TaskDetailStatus } from '@/contracts/iotda-batch-task-details';

export const RESULTS = ['all', 'succeeded', 'failed', 'stopped', 'waiting'] as const;
export type Result = (typeof RESULTS)[number];

interface ResultFilter {
  label: string;
  /** The subtask status asked of IoTDA; every one when absent. */
  status: TaskDetailStatus | undefined;
  /** How many the task's progress counts of it. */
  count: (p: TaskProgress) => number;
  empty: string;
}

export const RESULT_FILTERS: Record<Result, ResultFilter> = {
  all: { label: 'All', status: undefined, count: (p) => p.total, empty: 'This task has no devices.' },
  succeeded: { label: 'Succeeded', status: 'Success', count: (p) => p.success, empty: 'No device has succeeded yet.' },
  failed: { label: 'Failed', status: 'Fail', count: (p) => p.fail, empty: 'No device has failed.' },
  stopped: { label: 'Stopped', status: 'Stopped', count: (p) => p.stopped, empty: 'No device was stopped.' },
  waiting: { label: 'Waiting', status: 'Waitting', count: (p) => p.waitting, empty: 'No device is waiting.' },
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
