import { useLingui } from '@lingui/react/macro';
import { ProgressBar } from '@/web/components/progress-bar';
import { formatCount } from '@/web/lib/format';
import type { ForceOfflineProgress } from '@/web/features/devices/bulk-force-offline/run-force-offline';

export function ForceOfflineProgressBar({ progress }: { progress: ForceOfflineProgress | null }) {
  const { t } = useLingui();
  const total = progress?.totalDevices ?? 0;
  const sent = progress?.sentDevices ?? 0;
  const sentCount = formatCount(sent);
  const totalCount = formatCount(total);
  let label = t`Bringing devices offline: ${sentCount} of ${totalCount}`;
  if (progress && progress.totalRequests > 1) {
    const request = formatCount(Math.min(progress.doneRequests + 1, progress.totalRequests));
    const requests = formatCount(progress.totalRequests);
    label = t`Bringing devices offline: ${sentCount} of ${totalCount} (request ${request} of ${requests})`;
  }
  return <ProgressBar label={label} done={sent} total={total} />;
}
