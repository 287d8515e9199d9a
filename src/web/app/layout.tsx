import { Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import { roleAllows } from '@/contracts/roles';
import type { Session } from '@/web/api/session';
import { signOut } from '@/web/api/sign-out';
import { LocaleSwitch } from '@/web/app/locale-switch';
import { ThemeSwitch } from '@/web/app/theme-switch';
import { LiveIndicator } from '@/web/features/live/live-indicator';
import { ROLE_NAMES } from '@/web/lib/role-names';
import { useRole } from '@/web/lib/role-rules';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';

// The form and its rules load when someone opens it.
const PasswordDialog = lazyWithMessages(() => import('@/web/features/users/password-dialog').then((m) => ({ default: m.PasswordDialog })));

function NavLink({ href, pattern, children }: { href: string; pattern: string; children: ReactNode }) {
  const [active] = useRoute(pattern);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  const { t, i18n } = useLingui();
  const queryClient = useQueryClient();
  const [pathname, navigate] = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);
  // A new page moves focus to its content, as a full page load would, so screen readers follow.
  useEffect(() => {
    if (pathname === shownPath.current) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);
  const [changingPassword, setChangingPassword] = useState(false);
  const [notice, setNotice] = useState('');
  // The hook every page reads the role with: it also keeps the role rules in the first chunk, not in one of their own.
  const role = useRole();
  const admin = roleAllows(role, 'admin');
  const leave = () => {
    void signOut();
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  };
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <Trans>Skip to main content</Trans>
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <Trans>Device Console</Trans>
        </Link>
        <nav aria-label={t`Main`} className="main-nav">
          <NavLink href="/" pattern="/">
            <Trans>Devices</Trans>
          </NavLink>
          <NavLink href="/tasks" pattern="/tasks/*?">
            <Trans>Tasks</Trans>
          </NavLink>
          {admin && (
            <>
              <NavLink href="/users" pattern="/users">
                <Trans>Users</Trans>
              </NavLink>
              <NavLink href="/audit" pattern="/audit">
                <Trans>Audit</Trans>
              </NavLink>
            </>
          )}
          {/* The reference is the service's own page, outside the console. */}
          <a href="/api-docs" className="nav-link">
            <Trans>API</Trans>
          </a>
        </nav>
        <div className="header-end">
          <LiveIndicator />
          <dl className="workspace" aria-label={t`Workspace`}>
            <div>
              <dt>
                <Trans>Project</Trans>
              </dt>
              <dd>{session.projectId}</dd>
            </div>
            <div>
              <dt>
                <Trans>Instance</Trans>
              </dt>
              <dd>{session.instanceId}</dd>
            </div>
          </dl>
          <span className="user" title={t`Signed in user`}>
            <span className="avatar" aria-hidden="true">
              {session.user.slice(0, 1).toUpperCase()}
            </span>
            <span className="visually-hidden">
              <Trans>Signed in as</Trans>{' '}
            </span>
            {session.user}
            <span className="user-role">{i18n._(ROLE_NAMES[role])}</span>
          </span>
          <ThemeSwitch />
          <LocaleSwitch />
          {/* A short label: the header holds a lot; the name says what it does. */}
          <button type="button" className="button button-ghost" aria-label={t`Change password`} title={t`Change password`} onClick={() => setChangingPassword(true)}>
            <Trans>Password</Trans>
          </button>
          <button type="button" className="button button-ghost" onClick={leave}>
            <Trans>Sign out</Trans>
          </button>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <p role="status" className={notice ? 'page-notice' : 'visually-hidden'}>
          {notice}
        </p>
        {children}
      </main>
      {changingPassword && (
        <Suspense fallback={null}>
          <PasswordDialog
            username={session.user}
            own
            onClose={() => setChangingPassword(false)}
            onDone={(message) => {
              setChangingPassword(false);
              setNotice(message);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
