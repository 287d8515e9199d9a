import { i18n } from '@lingui/core';
import { I18nProvider, useLingui } from '@lingui/react';
import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { isApiError } from '@/web/api/api-error';

// Cache changes reach React in a microtask rather than the default setTimeout(0), so an
// optimistic patch made in a click handler renders before the browser's next frame.
notifyManager.setScheduler(queueMicrotask);

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A refused request (4xx) will be refused again; only transient failures are retried.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

// Another language mounts the pages afresh, so every string and date (including those kept in
// memos and titles) is made again in it; the fetched data stays in the query cache.
function InLocale({ children }: { children: ReactNode }) {
  const { i18n: active } = useLingui();
  return <Fragment key={active.locale}>{children}</Fragment>;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <InLocale>{children}</InLocale>
      </QueryClientProvider>
    </I18nProvider>
  );
}
