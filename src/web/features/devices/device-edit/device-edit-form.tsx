import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { DESCRIPTION_MAX, type Device } from '@/contracts/device';
import { describeError } from '@/web/api/api-error';
import type { DeviceDetail } from '@/web/api/get-device';
import { EditConflict } from '@/web/features/devices/device-edit/edit-conflict';
import { LeaveConfirmDialog } from '@/web/features/devices/device-edit/leave-confirm-dialog';
import { TagsField } from '@/web/features/devices/device-edit/tags-field';
import { useDeviceEdit } from '@/web/features/devices/device-edit/use-device-edit';
import { useUnsavedChangesGuard } from '@/web/features/devices/device-edit/use-unsaved-changes-guard';
import '@/web/features/devices/device-edit/device-edit.css';

export interface DeviceEditFormProps {
  /** The device as read when editing started, with its ETag. */
  detail: DeviceDetail;
  onClose: () => void;
  onSaved: (device: Device) => void;
}

/** 001's fields, checked as the operator types with the schema the service validates with. */
export default function DeviceEditForm({ detail, onClose, onSaved }: DeviceEditFormProps) {
  const { t } = useLingui();
  const { form, submit, reload, overwrite, conflict, failure, saving } = useDeviceEdit(detail, onSaved, onClose);
  const { register, control, formState, setFocus } = form;
  const { errors, isDirty } = formState;
  const guard = useUnsavedChangesGuard(isDirty);
  const id = useId();
  const description = useWatch({ control, name: 'description' }) ?? '';
  const length = description.length;
  const max = DESCRIPTION_MAX;
  const reason = failure === null ? '' : describeError(failure);

  useEffect(() => setFocus('device_name'), [setFocus]);

  return (
    <form className="card edit-card" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)}>
      <div className="edit-header">
        <h2 id={`${id}-title`}>
          <Trans>Edit device</Trans>
        </h2>
        <p className="cell-muted">
          <Trans>Name, enabled state, description and tags. The page and the list show your changes as soon as you save.</Trans>
        </p>
      </div>
      {failure !== null && (
        <div role="alert" className="form-alert">
          <Trans>
            <strong>Not saved.</strong> {reason}
            <br />
            The device is shown as it was before your changes.
          </Trans>
        </div>
      )}
      {conflict && <EditConflict current={conflict.current.device} differences={conflict.differences} saving={saving} onReload={reload} onOverwrite={() => void overwrite()} />}
      <div className="edit-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>
            <Trans>Name</Trans>
          </label>
          <input
            id={`${id}-name`}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.device_name ? true : undefined}
            aria-describedby={`${id}-name-hint ${id}-name-error`}
            {...register('device_name')}
          />
          <p id={`${id}-name-hint`} className="field-hint">
            <Trans>2–64 letters, digits and ( ) _ , # . ? &apos; - @ % &amp; ! — no spaces.</Trans>
          </p>
          <p id={`${id}-name-error`} className="field-error" aria-live="polite">
            {errors.device_name?.message}
          </p>
        </div>
        <Controller
          control={control}
          name="status"
          render={({ field, fieldState }) => (
            <fieldset className="edit-status" aria-describedby={`${id}-status-error`}>
              <legend className="field-label">
                <Trans>State</Trans>
              </legend>
              <div className="edit-radios">
                {([0, 1] as const).map((value) => (
                  <label key={value} className="edit-radio">
                    <input type="radio" name={field.name} checked={field.value === value} onChange={() => field.onChange(value)} onBlur={field.onBlur} />
                    {value === 0 ? t`Enabled` : t`Disabled`}
                  </label>
                ))}
              </div>
              <p id={`${id}-status-error`} className="field-error" aria-live="polite">
                {fieldState.error?.message}
              </p>
            </fieldset>
          )}
        />
        <div className="field edit-wide">
          <label htmlFor={`${id}-description`}>
            <Trans>Description</Trans>
          </label>
          <textarea
            id={`${id}-description`}
            rows={3}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={`${id}-description-count ${id}-description-error`}
            {...register('description')}
          />
          <p id={`${id}-description-count`} className={description.length > DESCRIPTION_MAX ? 'field-hint char-count is-over' : 'field-hint char-count'}>
            <Trans>
              {length} / {max} characters
            </Trans>
          </p>
          <p id={`${id}-description-error`} className="field-error" aria-live="polite">
            {errors.description?.message}
          </p>
        </div>
        <div className="edit-wide">
          <TagsField control={control} />
        </div>
      </div>
      <div className="edit-footer">
        <button type="button" className="button" onClick={onClose} disabled={saving}>
          <Trans>Cancel</Trans>
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t`Saving…` : t`Save changes`}
        </button>
      </div>
      {guard.pending && <LeaveConfirmDialog onStay={guard.stay} onLeave={guard.leave} />}
    </form>
  );
}
