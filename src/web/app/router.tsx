import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { setUnauthorizedHandler } from '@/web/api/client';
import { Layout } from '@/web/app/layout';
import { NotFoundPage } from '@/web/app/not-found-page';
import { loadSignInPage } from '@/web/app/sign-in-prefetch';
import { useSession } from '@/web/app/use-session';
import { PageLoading } from '@/web/components/page-loading';
import { lazyWithMessages } from '@/web/lib/lazy-with-messages';
import { signInPath } from '@/web/lib/return-to';

// Every page is its own chunk: sign-in never loads the table, the list never loads the forms. The
// first pages an operator sees, and the shortcuts every page listens to, have their strings in the
// first catalog; the others bring the lazy catalog along (lazyWithMessages).
const SignInPage = lazy(loadSignInPage);
const DevicesPage = lazy(() => import('@/web/app/devices-page'));
const DevicePage = lazyWithMessages(() => import('@/web/app/device-page-route'));
const TasksPage = lazyWithMessages(() => import('@/web/features/tasks/tasks-page'));
const TaskPage = lazyWithMessages(() => import('@/web/features/tasks/task-page'));
const UsersPage = lazyWithMessages(() => import('@/web/features/users/users-page'));
const AuditPage = lazyWithMessages(() => import('@/web/features/audit/audit-page'));
const KeyboardShortcuts = lazy(() => import('@/web/features/shortcuts/keyboard-shortcuts'));

const here = () => `${window.location.pathname}${window.location.search}`;

function SignedInRoutes() {
  const session = useSession();
  if (!session) return <Redirect to={signInPath(here())} replace />;
  return (
    <Layout session={session}>
      <Suspense fallback={<PageLoading />}>
        <KeyboardShortcuts />
        <Switch>
          <Route path="/" component={DevicesPage} />
          <Route path="/devices/:id" component={DevicePage} />
          <Route path="/tasks" component={TasksPage} />
          <Route path="/tasks/:taskId" component={TaskPage} />
          <Route path="/users" component={UsersPage} />
          <Route path="/audit" component={AuditPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </Layout>
  );
}

export function AppRouter() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // A 401 anywhere ends the session: forget its data, and come back here after signing in.
    setUnauthorizedHandler(() => {
      queryClient.clear();
      if (window.location.pathname !== '/sign-in') navigate(signInPath(here()), { replace: true });
    });
  }, [queryClient]);

  return (
    <Switch>
      <Route path="/sign-in">
        <SignInPage />
      </Route>
      <Route>
        <SignedInRoutes />
      </Route>
    </Switch>
  );
}
