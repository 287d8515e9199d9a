import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount } from '@/web/lib/format';
import type { ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

export function ForceOfflineProgressBar({ progress }: { progress: ForceOfflineProgress | null }) {
  const total = progress?.totalDevices ?? 0;
  const sent = progress?.sentDevices ?? 0;
  const requests =
    progress && progress.totalRequests > 1
      ? ` (request ${Math.min(progress.doneRequests + 1, progress.totalRequests)} of ${progress.totalRequests})`
      : '';
  return <ProgressBar label={`Bringing devices offline: ${formatCount(sent)} of ${formatCount(total)}${requests}`} done={sent} total={total} />;
}
