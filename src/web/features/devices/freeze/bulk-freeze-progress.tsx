import { useLingui } from '@lingui/react/macro';
import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount } from '@/web/lib/format';
import type { BulkFreezeProgress } from '@/web/features/devices/freeze/run-bulk-freeze';

export function BulkFreezeProgressBar({ progress, frozen }: { progress: BulkFreezeProgress | null; frozen: boolean }) {
  const { t } = useLingui();
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const doneCount = formatCount(done);
  const totalCount = formatCount(total);
  const label = frozen ? t`Freezing devices: ${doneCount} of ${totalCount}` : t`Unfreezing devices: ${doneCount} of ${totalCount}`;
  return <ProgressBar label={label} done={done} total={total} />;
}
