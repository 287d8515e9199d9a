import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Redirect, useLocation, useSearch } from 'wouter';
import { signInBodySchema, type SignInBody } from '@/contracts/auth';
import { describeError, type ApiError } from '@/web/api/api-error';
import { getSession, type Session } from '@/web/api/session';
import { signIn } from '@/web/api/sign-in';
import { safeReturnTo } from '@/web/lib/return-to';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { zodResolver } from '@/web/lib/zod-resolver';
import '@/web/features/auth/sign-in/sign-in.css';

export default function SignInPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Sign in`);
  const returnTo = safeReturnTo(new URLSearchParams(useSearch()).get('return_to'));
  const [, navigate] = useLocation();
  const { register, handleSubmit, formState } = useForm<SignInBody>({ resolver: zodResolver(signInBodySchema), mode: 'onSubmit' });
  const mutation = useMutation<Session, ApiError, SignInBody>({
    mutationFn: signIn,
    onSuccess: () => navigate(returnTo, { replace: true }),
  });

  if (getSession() && !mutation.isPending && !mutation.isSuccess) return <Redirect to={returnTo} replace />;
  const { errors } = formState;
  const failure = mutation.error && (mutation.error.status === 401 ? t`The user name or password is incorrect.` : describeError(mutation.error));

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true" />
          <Trans>Device Console</Trans>
        </div>
        <h1>
          <Trans>Sign in</Trans>
        </h1>
        {returnTo !== '/' && (
          <p className="sign-in-note">
            <Trans>Sign in to continue where you were.</Trans>
          </p>
        )}
        <form noValidate onSubmit={handleSubmit((body) => mutation.mutate(body))}>
          <div className="field">
            <label htmlFor="sign-in-username">
              <Trans>User name</Trans>
            </label>
            <input
              id="sign-in-username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={errors.username ? 'sign-in-username-error' : undefined}
              {...register('username')}
            />
            {errors.username && (
              <p id="sign-in-username-error" className="field-error">
                {errors.username.message}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">
              <Trans>Password</Trans>
            </label>
            <input
              id="sign-in-password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'sign-in-password-error' : undefined}
              {...register('password')}
            />
            {errors.password && (
              <p id="sign-in-password-error" className="field-error">
                {errors.password.message}
              </p>
            )}
          </div>
          <div role="alert" className="form-alert-slot">
            {failure && <p className="form-alert">{failure}</p>}
          </div>
          <button type="submit" className="button button-primary button-block" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending}>
            <Trans>Sign in</Trans>
          </button>
        </form>
      </div>
    </main>
  );
}
