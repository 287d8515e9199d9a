import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { createUserBodySchema, roleSchema, type CreateUserBody } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { createUser, userQueries } from '@/web/api/users';
import { ModalDialog } from '@/web/components/modal-dialog';
import { ROLE_NAMES } from '@/web/lib/role-names';
import { zodResolver } from '@/web/lib/zod-resolver';

/** "New user": a name, a first password and a role, checked with the schema the service validates with. */
export function CreateUserDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const { t, i18n } = useLingui();
  const id = useId();
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<CreateUserBody>({ resolver: zodResolver(createUserBodySchema), defaultValues: { username: '', password: '', role: 'viewer' } });
  const { errors } = formState;
  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      const name = user.username;
      const role = i18n._(ROLE_NAMES[user.role]).toLowerCase();
      onDone(t`${name} can now sign in as ${role}.`);
    },
  });
  const reason = describeError(mutation.error);
  const error = (name: keyof CreateUserBody) => (
    <p id={`${id}-${name}-error`} className="field-error" aria-live="polite">
      {errors[name]?.message}
    </p>
  );
  return (
    <ModalDialog
      title={t`New user`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            <Trans>Cancel</Trans>
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t`Creating…` : t`Create user`}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={(event) => void handleSubmit((body) => mutation.mutate(body))(event)}>
        {mutation.isError && (
          <p role="alert" className="form-alert">
            <Trans>Not created: {reason}</Trans>
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-username`}>
            <Trans>User name</Trans>
          </label>
          <input id={`${id}-username`} autoComplete="off" spellCheck={false} aria-invalid={errors.username ? true : undefined} aria-describedby={`${id}-username-error`} {...register('username')} />
          {error('username')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>
            <Trans>First password</Trans>
          </label>
          <input id={`${id}-password`} type="password" autoComplete="new-password" aria-invalid={errors.password ? true : undefined} aria-describedby={`${id}-password-error`} {...register('password')} />
          {error('password')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>
            <Trans>Role</Trans>
          </label>
          <select id={`${id}-role`} {...register('role')}>
            {roleSchema.options.map((role) => (
              <option key={role} value={role}>
                {i18n._(ROLE_NAMES[role])}
              </option>
            ))}
          </select>
        </div>
      </form>
    </ModalDialog>
  );
}
