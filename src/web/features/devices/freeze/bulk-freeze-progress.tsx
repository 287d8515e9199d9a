import { useId } from 'react';
import { formatCount } from '@/web/lib/format';
import type { BulkFreezeProgress } from '@/web/features/devices/freeze/run-bulk-freeze';

export function BulkFreezeProgressBar({ progress, label }: { progress: BulkFreezeProgress | null; label: string }) {
  const id = useId();
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <div className="freeze-progress">
      <label htmlFor={id}>
        {label}: {formatCount(done)} of {formatCount(total)}
      </label>
      <progress id={id} max={Math.max(total, 1)} value={done} />
    </div>
  );
}
