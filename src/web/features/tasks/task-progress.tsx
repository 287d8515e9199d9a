import { t } from '@lingui/core/macro';
import type { TaskProgress as Progress } from '@/contracts/iotda-batch-tasks';
import { formatCount } from '@/web/lib/format';
import { finishedOf } from '@/web/features/tasks/task-labels';

const share = (n: number, total: number) => `${total === 0 ? 0 : (n / total) * 100}%`;

/** "380 of 400 done, 5 failed": what the bar shows, in words. */
export function describeProgress(progress: Progress): string {
  if (progress.total === 0) return t`No devices to act on`;
  const finished = formatCount(finishedOf(progress));
  const total = formatCount(progress.total);
  const failed = formatCount(progress.fail);
  return progress.fail > 0 ? t`${finished} of ${total} done, ${failed} failed` : t`${finished} of ${total} done`;
}

/**
 * The subtasks done of the task's total, as one bar whose parts are the succeeded, failed and
 * stopped ones, with the counts written beside it: the colours only repeat the words.
 */
export function TaskProgress({ progress, label }: { progress: Progress; label: string }) {
  const { total, success, fail, stopped, removed } = progress;
  const words = describeProgress(progress);
  return (
    <div className="task-progress">
      <div
        className="task-progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={total === 0 ? 1 : finishedOf(progress)}
        aria-valuetext={words}
      >
        <span className="task-progress-success" style={{ width: share(success, total) }} />
        <span className="task-progress-fail" style={{ width: share(fail, total) }} />
        <span className="task-progress-stopped" style={{ width: share(stopped + removed, total) }} />
      </div>
      <span className="task-progress-text" aria-hidden="true">
        {words}
      </span>
    </div>
  );
}
