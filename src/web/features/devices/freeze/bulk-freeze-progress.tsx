import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount } from '@/web/lib/format';
import type { BulkFreezeProgress } from '@/web/features/devices/freeze/run-bulk-freeze';

export function BulkFreezeProgressBar({ progress, label }: { progress: BulkFreezeProgress | null; label: string }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return <ProgressBar label={`${label}: ${formatCount(done)} of ${formatCount(total)}`} done={done} total={total} />;
}
