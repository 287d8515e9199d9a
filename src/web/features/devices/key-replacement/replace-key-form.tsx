import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { Device } from '@/contracts/device';
import { replaceDeviceBodySchema, type ReplaceDeviceBody } from '@/contracts/enos';
import { currentSession } from '@/web/api/client';
import { ModalDialog } from '@/web/components/modal-dialog';
import { OrgKeySetup } from '@/web/features/devices/key-replacement/org-key-setup';
import { refusalOf } from '@/web/features/devices/key-replacement/refusal';
import { useOrgKey } from '@/web/features/devices/key-replacement/use-org-key';
import { useReplaceKey, type Replaced } from '@/web/features/devices/key-replacement/use-replace-key';
import { zodResolver } from '@/web/lib/zod-resolver';

interface ReplaceKeyFormProps {
  device: Device;
  onCancel: () => void;
  onReplaced: (replaced: Replaced) => void;
}

/** The new key, checked with 002's rules as it is typed, and the service's refusals where they belong. */
export function ReplaceKeyForm({ device, onCancel, onReplaced }: ReplaceKeyFormProps) {
  const { t } = useLingui();
  const id = useId();
  const orgKey = useOrgKey(currentSession().orgId);
  const replace = useReplaceKey(device);
  const [alert, setAlert] = useState<string>();
  const { register, handleSubmit, setError, control, formState } = useForm<ReplaceDeviceBody>({
    resolver: zodResolver(replaceDeviceBodySchema),
    mode: 'onChange',
    defaultValues: { newDeviceKey: '', requireSecret: true },
  });
  const requireSecret = useWatch({ control, name: 'requireSecret' });
  const readyKey = orgKey.status.state === 'ready' ? orgKey.status.key : undefined;
  // Without a key this browser holds, the service would seal a secret nobody here can open.
  const needsKey = Boolean(requireSecret) && !readyKey;
  const explainNeedsKey = needsKey && orgKey.status.state !== 'checking';
  const { errors, isSubmitting } = formState;
  const keyError = errors.newDeviceKey?.message;
  const name = device.device_name;

  const submit = handleSubmit(async (body) => {
    setAlert(undefined);
    try {
      onReplaced(await replace(body, readyKey?.privateKey));
    } catch (error) {
      const refusal = refusalOf(error, device.product_key);
      if (refusal.on === 'newDeviceKey') {
        setError('newDeviceKey', { type: 'server', message: refusal.message }, { shouldFocus: true });
        return;
      }
      setAlert(refusal.message);
      if (refusal.needsKeySetup) orgKey.recheck();
    }
  });

  return (
    <ModalDialog
      title={t`Replace device key`}
      onClose={onCancel}
      // Closing mid-request would lose a secret the service has already issued.
      dismissible={!isSubmitting && !orgKey.creating}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
            <Trans>Cancel</Trans>
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button-danger"
            disabled={isSubmitting || needsKey}
            aria-busy={isSubmitting || undefined}
            aria-describedby={explainNeedsKey ? `${id}-needs-key` : undefined}
          >
            {isSubmitting ? t`Replacing…` : t`Replace key`}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="kr-form" noValidate onSubmit={(event) => void submit(event)}>
        <p>
          <Trans>
            <strong>{name}</strong> keeps its asset ID. Its current key and secret stop working at once, and it stays disconnected until it connects
            with the new credentials.
          </Trans>
        </p>
        <dl className="kr-facts">
          <dt>
            <Trans>Product key</Trans>
          </dt>
          <dd translate="no">{device.product_key}</dd>
          <dt>
            <Trans>Current device key</Trans>
          </dt>
          <dd translate="no">{device.device_key}</dd>
        </dl>
        <div className="field">
          <label htmlFor={`${id}-key`}>
            <Trans>New device key</Trans>
          </label>
          <input
            id={`${id}-key`}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={`${id}-key-hint${keyError ? ` ${id}-key-error` : ''}`}
            {...register('newDeviceKey')}
          />
          <p id={`${id}-key-hint`} className="kr-hint">
            <Trans>4–64 letters, digits, hyphens (-), underscores (_) and dots (.).</Trans>
          </p>
          {keyError && (
            <p id={`${id}-key-error`} className="field-error">
              {keyError}
            </p>
          )}
        </div>
        <div className="kr-check">
          <input id={`${id}-secret`} type="checkbox" aria-describedby={`${id}-secret-hint`} {...register('requireSecret')} />
          <label htmlFor={`${id}-secret`}>
            <Trans>Issue a new secret</Trans>
          </label>
          <p id={`${id}-secret-hint`} className="kr-hint">
            {requireSecret ? (
              <Trans>Sealed for your organisation’s key and revealed here, once.</Trans>
            ) : (
              <Trans>The service still replaces the secret, but nobody will see the new one: use this only for devices provisioned another way.</Trans>
            )}
          </p>
        </div>
        {requireSecret && <OrgKeySetup orgKey={orgKey} />}
        {explainNeedsKey && (
          <p id={`${id}-needs-key`} className="kr-hint">
            <Trans>Set up the organisation key to issue a new secret, or untick “Issue a new secret”.</Trans>
          </p>
        )}
        {alert && (
          <p role="alert" className="form-alert">
            {alert}
          </p>
        )}
      </form>
    </ModalDialog>
  );
}
