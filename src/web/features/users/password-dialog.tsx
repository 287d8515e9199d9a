import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod/mini';
import { passwordHoldsName, passwordSchema } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { setPassword } from '@/web/api/users';
import { ModalDialog } from '@/web/components/modal-dialog';
import { zodResolver } from '@/web/lib/zod-resolver';

interface PasswordDialogProps {
  username: string;
  /** One's own password needs the current one; an admin resetting another's does not. */
  own: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

// Made at render, so its messages are in the operator's language. The service says the same of a
// password holding the name (PASSWORD_HOLDS_NAME), in its own words.
const formSchema = (username: string, own: boolean) =>
  z
    .object({ currentPassword: own ? z.string().check(z.minLength(1, t`Enter your current password.`)) : z.string(), password: passwordSchema, confirm: z.string() })
    .check(
      z.refine((v) => !passwordHoldsName(v.password, username), { message: t`The password must not contain the user name.`, path: ['password'] }),
      z.refine((v) => v.confirm === v.password, { message: t`The two passwords differ.`, path: ['confirm'] }),
    );
type PasswordForm = z.infer<ReturnType<typeof formSchema>>;

/** "Change password" (one's own) and an admin's "Reset password": the same rules the service checks. */
export function PasswordDialog({ username, own, onClose, onDone }: PasswordDialogProps) {
  const { t } = useLingui();
  const id = useId();
  const name = username;
  const { register, handleSubmit, formState } = useForm<PasswordForm>({ resolver: zodResolver(formSchema(username, own)), defaultValues: { currentPassword: '', password: '', confirm: '' } });
  const { errors } = formState;
  const mutation = useMutation({
    mutationFn: (v: PasswordForm) => setPassword(username, { password: v.password, ...(own && { currentPassword: v.currentPassword }) }),
    onSuccess: () => onDone(own ? t`Your password is changed. Your other sessions were signed out.` : t`The password of ${name} is reset. Their sessions were signed out.`),
  });
  const reason = describeError(mutation.error);
  const field = (name: keyof PasswordForm, label: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${id}-${name}-error`}
        {...register(name)}
      />
      <p id={`${id}-${name}-error`} className="field-error" aria-live="polite">
        {errors[name]?.message}
      </p>
    </div>
  );
  return (
    <ModalDialog
      title={own ? t`Change password` : t`Reset the password of ${name}`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            <Trans>Cancel</Trans>
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t`Saving…` : own ? t`Change password` : t`Reset password`}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={(event) => void handleSubmit((v) => mutation.mutate(v))(event)}>
        {mutation.isError && (
          <p role="alert" className="form-alert">
            <Trans>Not changed: {reason}</Trans>
          </p>
        )}
        {own && field('currentPassword', t`Current password`, 'current-password')}
        {field('password', t`New password`, 'new-password')}
        {field('confirm', t`New password again`, 'new-password')}
        <p className="field-hint">
          <Trans>At least 12 characters, not containing the user name.</Trans>
        </p>
      </form>
    </ModalDialog>
  );
}
