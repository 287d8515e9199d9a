import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Device } from '@/contracts/device';
import { updateDeviceBodySchema, type UpdateDeviceBody } from '@/contracts/roma';
import { deviceQueries } from '@/web/api/device-queries';
import type { DeviceDetail } from '@/web/api/get-device';
import { editedFieldDifferences, editValuesOf, type FieldDifference } from '@/web/features/devices/device-edit/device-diff';
import { refusalMessage, refusedField } from '@/web/features/devices/device-edit/server-field-error';
import { useUpdateDevice } from '@/web/features/devices/device-edit/use-update-device';
import { zodResolver } from '@/web/lib/zod-resolver';

export interface EditConflictState {
  current: DeviceDetail;
  differences: FieldDifference[];
}

/**
 * The edit form's state and its save: 001 with the ETag the edit started from, a refusal put on
 * its field, and a 412 turned into the differences to decide on.
 */
export function useDeviceEdit(initial: DeviceDetail, onSaved: (device: Device) => void, onClose: () => void) {
  const queryClient = useQueryClient();
  const update = useUpdateDevice();
  // The version the operator edits from: its ETag goes in If-Match, its values are "before" in a conflict.
  const [base, setBase] = useState(initial);
  const [conflict, setConflict] = useState<EditConflictState | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<UpdateDeviceBody>({
    resolver: zodResolver(updateDeviceBodySchema),
    mode: 'onChange',
    defaultValues: editValuesOf(initial.device),
  });
  const id = initial.device.id;

  const onStale = async (body: UpdateDeviceBody, from: Device, retried: boolean) => {
    const current = await queryClient.fetchQuery({ ...deviceQueries.detail(id), staleTime: 0 });
    const differences = editedFieldDifferences(from, current.device, body);
    // A save writes only these fields: if nobody else changed them (a freeze or a status change
    // moved the ETag), saving over the new version loses nothing.
    if (differences.length === 0 && !retried) {
      setBase(current);
      send(body, current, true);
      return;
    }
    setConflict({ current, differences });
  };

  const send = (body: UpdateDeviceBody, from: DeviceDetail, retried = false) => {
    setFailure(null);
    setConflict(null);
    update.mutate(
      { id, body, etag: from.etag },
      {
        onSuccess: ({ device }) => {
          form.reset(editValuesOf(device));
          onSaved(device);
        },
        onError: (error) => {
          if (error.status === 412) {
            onStale(body, from.device, retried).catch(setFailure);
            return;
          }
          const field = refusedField(error);
          if (field) form.setError(field, { type: 'server', message: refusalMessage(error) }, { shouldFocus: true });
          else setFailure(error);
        },
      },
    );
  };

  const submit = form.handleSubmit((body) => (form.formState.isDirty ? send(body, base) : onClose()));
  const reload = () => {
    if (!conflict) return;
    setBase(conflict.current);
    form.reset(editValuesOf(conflict.current.device));
    setConflict(null);
  };
  const overwrite = form.handleSubmit((body) => {
    if (!conflict) return;
    setBase(conflict.current);
    send(body, conflict.current);
  });

  return { form, submit, reload, overwrite, conflict, failure, saving: update.isPending };
}
