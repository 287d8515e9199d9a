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
  return (
    <section className="edit-conflict" role="alert" aria-labelledby="edit-conflict-title">
      <h3 id="edit-conflict-title">Someone else changed this device while you were editing</h3>
      <p>
        Last updated by <strong>{current.last_updated_user.user_name || 'unknown'}</strong> on {formatDateTime(current.last_updated_datetime)}. Nothing was
        saved. Compare, then keep their version or save yours over it.
      </p>
      {differences.length === 0 ? (
        <p>None of the fields you edit changed; only the device's state did.</p>
      ) : (
        <table className="edit-conflict-table">
          <caption className="visually-hidden">Fields changed since you opened the form</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">When you opened it</th>
              <th scope="col">Now</th>
              <th scope="col">Yours</th>
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
          Reload their version
        </button>
        <button type="button" className="button button-danger" onClick={onOverwrite} disabled={saving}>
          Overwrite with mine
        </button>
      </div>
    </section>
  );
}
