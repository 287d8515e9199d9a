import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import { roleAllows } from '@/contracts/roles';
import type { Session } from '@/web/api/session';
import { signOut } from '@/web/api/sign-out';
import { ThemeSwitch } from '@/web/app/theme-switch';
import { LiveIndicator } from '@/web/features/live/live-indicator';
import { useRole } from '@/web/lib/role-rules';

// The form and its rules load when someone opens it.
const PasswordDialog = lazy(() => import('@/web/features/users/password-dialog').then((m) => ({ default: m.PasswordDialog })));

function NavLink({ href, pattern, children }: { href: string; pattern: string; children: ReactNode }) {
  const [active] = useRoute(pattern);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ session, children }: { session: Session; children: ReactNode }) {
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
        Skip to main content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Device Console
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLink href="/" pattern="/">
            Devices
          </NavLink>
          <NavLink href="/tasks" pattern="/tasks/*?">
            Tasks
          </NavLink>
          {admin && (
            <>
              <NavLink href="/users" pattern="/users">
                Users
              </NavLink>
              <NavLink href="/audit" pattern="/audit">
                Audit
              </NavLink>
            </>
          )}
          {/* The reference is the service's own page, outside the console. */}
          <a href="/api-docs" className="nav-link">
            API
          </a>
        </nav>
        <div className="header-end">
          <LiveIndicator />
          <dl className="workspace" aria-label="Workspace">
            <div>
              <dt>Project</dt>
              <dd>{session.projectId}</dd>
            </div>
            <div>
              <dt>Instance</dt>
              <dd>{session.instanceId}</dd>
            </div>
          </dl>
          <span className="user" title="Signed in user">
            <span className="avatar" aria-hidden="true">
              {session.user.slice(0, 1).toUpperCase()}
            </span>
            <span className="visually-hidden">Signed in as </span>
            {session.user}
            <span className="user-role">{role}</span>
          </span>
          <ThemeSwitch />
          {/* A short label: the header holds a lot; the name says what it does. */}
          <button type="button" className="button button-ghost" aria-label="Change password" title="Change password" onClick={() => setChangingPassword(true)}>
            Password
          </button>
          <button type="button" className="button button-ghost" onClick={leave}>
            Sign out
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
