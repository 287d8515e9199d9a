import { formatCount } from '@/web/lib/format';
import type { ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

export function ForceOfflineProgressBar({ progress }: { progress: ForceOfflineProgress | null }) {
  const total = progress?.totalDevices ?? 0;
  const sent = progress?.sentDevices ?? 0;
  return (
    <div className="bulk-progress">
      <label htmlFor="force-offline-progress">
        Bringing devices offline: {formatCount(sent)} of {formatCount(total)}
        {progress && progress.totalRequests > 1 && ` (request ${Math.min(progress.doneRequests + 1, progress.totalRequests)} of ${progress.totalRequests})`}
      </label>
      <progress id="force-offline-progress" max={Math.max(total, 1)} value={sent} />
    </div>
  );
}
