import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PASSWORD_HOLDS_NAME, passwordHoldsName, passwordSchema } from '@/contracts/operators';
import { describeError } from '@/web/api/api-error';
import { setPassword } from '@/web/api/users';
import { ModalDialog } from '@/web/components/modal-dialog';

interface PasswordDialogProps {
  username: string;
  /** One's own password needs the current one; an admin resetting another's does not. */
  own: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

const formSchema = (username: string, own: boolean) =>
  z
    .object({ currentPassword: own ? z.string().min(1, 'Enter your current password.') : z.string(), password: passwordSchema, confirm: z.string() })
    .refine((v) => !passwordHoldsName(v.password, username), { message: PASSWORD_HOLDS_NAME, path: ['password'] })
    .refine((v) => v.confirm === v.password, { message: 'The two passwords differ.', path: ['confirm'] });
type PasswordForm = z.infer<ReturnType<typeof formSchema>>;

/** "Change password" (one's own) and an admin's "Reset password": the same rules the service checks. */
export function PasswordDialog({ username, own, onClose, onDone }: PasswordDialogProps) {
  const id = useId();
  const { register, handleSubmit, formState } = useForm<PasswordForm>({ resolver: zodResolver(formSchema(username, own)), defaultValues: { currentPassword: '', password: '', confirm: '' } });
  const { errors } = formState;
  const mutation = useMutation({
    mutationFn: (v: PasswordForm) => setPassword(username, { password: v.password, ...(own && { currentPassword: v.currentPassword }) }),
    onSuccess: () => onDone(own ? 'Your password is changed. Your other sessions were signed out.' : `The password of ${username} is reset. Their sessions were signed out.`),
  });
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
      title={own ? 'Change password' : `Reset the password of ${username}`}
      onClose={onClose}
      dismissible={!mutation.isPending}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Saving…' : own ? 'Change password' : 'Reset password'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={(event) => void handleSubmit((v) => mutation.mutate(v))(event)}>
        {mutation.isError && (
          <p role="alert" className="form-alert">
            Not changed: {describeError(mutation.error)}
          </p>
        )}
        {own && field('currentPassword', 'Current password', 'current-password')}
        {field('password', 'New password', 'new-password')}
        {field('confirm', 'New password again', 'new-password')}
        <p className="field-hint">At least 12 characters, not containing the user name.</p>
      </form>
    </ModalDialog>
  );
}
