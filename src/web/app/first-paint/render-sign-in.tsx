import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { Router } from 'wouter';
import SignInPage from '@/web/features/auth/sign-in/sign-in-page';
import { firstMessages } from '@/web/lib/i18n';
import { LOCALES, type Locale } from '@/web/lib/locale-preference';

async function renderIn(locale: Locale): Promise<string> {
  const { messages } = await firstMessages(locale);
  i18n.load(locale, messages);
  i18n.activate(locale);
  return renderToStaticMarkup(
    <div data-locale={locale} lang={locale}>
      <I18nProvider i18n={i18n}>
        <QueryClientProvider client={new QueryClient()}>
          <Router ssrPath="/sign-in" ssrSearch="">
            <SignInPage />
          </Router>
        </QueryClientProvider>
      </I18nProvider>
    </div>,
    // Each copy's fields have ids of their own, so each copy's labels name its own fields.
    { identifierPrefix: `first-paint-${locale}-` },
  );
}

/** The sign-in page as a signed-out tab first shows it, once in each language: the built index.html's (first-paint.ts). */
export async function renderFirstPaint(): Promise<string> {
  const copies: string[] = [];
  for (const locale of LOCALES) copies.push(await renderIn(locale));
  return copies.join('');
}
