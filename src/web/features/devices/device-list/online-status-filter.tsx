import { Trans, useLingui } from '@lingui/react/macro';
import type { OnlineStatus } from '@/contracts/device';
import { ONLINE_STATUS_LABELS } from '@/web/lib/format';

const ORDER: OnlineStatus[] = [1, 2, 0];

/** Several online states at once, as ROMA's comma list. */
export function OnlineStatusFilter({ value, onCommit }: { value: string | undefined; onCommit: (value: string | undefined) => void }) {
  const { i18n } = useLingui();
  const chosen = new Set(value ? value.split(',') : []);
  const toggle = (status: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(status);
    else next.delete(status);
    onCommit(next.size ? [...next].sort().join(',') : undefined);
  };
  return (
    <fieldset className="field checkbox-group">
      <legend className="field-label">
        <Trans>Connection</Trans>
      </legend>
      <div className="checkbox-row">
        {ORDER.map((status) => (
          <label key={status} className="checkbox-chip">
            <input type="checkbox" checked={chosen.has(String(status))} onChange={(event) => toggle(String(status), event.target.checked)} />
            {i18n._(ONLINE_STATUS_LABELS[status])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
