import { Trans, useLingui } from '@lingui/react/macro';
import type { Device } from '@/contracts/device';
import { formatDateTime } from '@/web/lib/format';
import type { FieldDifference } from '@/web/features/devices/device-edit/device-diff';

interface EditConflictProps {
  current: Device;
  differences: readonly FieldDifference[];
  saving: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

/** A 412: what someone else changed since the edit started, beside the operator's values, and the two ways on. */
export function EditConflict({ current, differences, saving, onReload, onOverwrite }: EditConflictProps) {
  const { t } = useLingui();
  const who = current.last_updated_user.user_name || t`unknown`;
  const when = formatDateTime(current.last_updated_datetime);
  return (
    <section className="edit-conflict" role="alert" aria-labelledby="edit-conflict-title">
      <h3 id="edit-conflict-title">
        <Trans>Someone else changed this device while you were editing</Trans>
      </h3>
      <p>
        <Trans>
          Last updated by <strong>{who}</strong> on {when}. Nothing was saved. Compare, then keep their version or save yours over it.
        </Trans>
      </p>
      {differences.length === 0 ? (
        <p>
          <Trans>None of the fields you edit changed; only the device's state did.</Trans>
        </p>
      ) : (
        <table className="edit-conflict-table">
          <caption className="visually-hidden">
            <Trans>Fields changed since you opened the form</Trans>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Field</Trans>
              </th>
              <th scope="col">
                <Trans>When you opened it</Trans>
              </th>
              <th scope="col">
                <Trans>Now</Trans>
              </th>
              <th scope="col">
                <Trans>Yours</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">{d.label}</th>
                <td>{d.before}</td>
                <td className="edit-conflict-now">{d.now}</td>
                <td>{d.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="edit-conflict-actions">
        <button type="button" className="button" onClick={onReload} disabled={saving}>
          <Trans>Reload their version</Trans>
        </button>
        <button type="button" className="button button-danger" onClick={onOverwrite} disabled={saving}>
          <Trans>Overwrite with mine</Trans>
        </button>
      </div>
    </section>
  );
}
