import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation } from '@tanstack/react-query';
import { useId, useLayoutEffect, useSyncExternalStore } from 'react';
import { useForm } from 'react-hook-form';
import { Redirect, useLocation, useSearch } from 'wouter';
import { signInBodySchema, type SignInBody } from '@/contracts/auth';
import { describeError, type ApiError } from '@/web/api/api-error';
import { getSession, type Session } from '@/web/api/session';
import { signIn } from '@/web/api/sign-in';
import { takeOverFirstPaint } from '@/web/lib/first-paint';
import { safeReturnTo } from '@/web/lib/return-to';
import { useDocumentTitle } from '@/web/lib/use-document-title';
import { zodResolver } from '@/web/lib/zod-resolver';
import '@/web/features/auth/sign-in/sign-in.css';

const FIELDS = ['username', 'password'] as const;
const isField = (name: string | undefined): name is keyof SignInBody => FIELDS.includes(name as keyof SignInBody);
const noSubscription = () => () => {};

export default function SignInPage() {
  const { t } = useLingui();
  // Ids of their own for each copy of this page rendered into the built HTML (first-paint/).
  const id = useId();
  // False only when rendered at build time: that copy cannot sign in, so neither can its button (nor Enter in a field).
  const live = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useDocumentTitle(t`Sign in`);
  const returnTo = safeReturnTo(new URLSearchParams(useSearch()).get('return_to'));
  const [, navigate] = useLocation();
  const { register, handleSubmit, formState, setValue } = useForm<SignInBody>({ resolver: zodResolver(signInBodySchema), mode: 'onSubmit' });
  // Before the browser paints this form, the one painted from the HTML goes, leaving what was typed into it here.
  useLayoutEffect(() => {
    const painted = takeOverFirstPaint();
    if (!painted) return;
    for (const [name, value] of Object.entries(painted.values)) if (isField(name)) setValue(name, value);
    // By the element: the form's own focus call does not reach it yet in this effect, and keys typed meanwhile would be lost.
    if (isField(painted.focused)) document.getElementById(`${id}-${painted.focused}`)?.focus();
  }, [id, setValue]);
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
            <label htmlFor={`${id}-username`}>
              <Trans>User name</Trans>
            </label>
            <input
              id={`${id}-username`}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={errors.username ? `${id}-username-error` : undefined}
              {...register('username')}
            />
            {errors.username && (
              <p id={`${id}-username-error`} className="field-error">
                {errors.username.message}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>
              <Trans>Password</Trans>
            </label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? `${id}-password-error` : undefined}
              {...register('password')}
            />
            {errors.password && (
              <p id={`${id}-password-error`} className="field-error">
                {errors.password.message}
              </p>
            )}
          </div>
          <div role="alert" className="form-alert-slot">
            {failure && <p className="form-alert">{failure}</p>}
          </div>
          <button type="submit" className="button button-primary button-block" aria-busy={mutation.isPending || undefined} disabled={mutation.isPending || !live}>
            <Trans>Sign in</Trans>
          </button>
        </form>
      </div>
    </main>
  );
}
