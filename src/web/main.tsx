import '@/web/app/sign-in-prefetch';
import { activateLocale, preferredLocale } from '@/web/lib/i18n';
import { startTheme } from '@/web/lib/theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '@/web/app/providers';
import { AppRouter } from '@/web/app/router';
import '@/web/app/app.css';
import '@/web/app/controls.css';
import '@/web/app/shell.css';

// The catalog is asked for as the script starts, alongside the sign-in chunks; nothing is shown before it, so no text flashes in the other language.
const localeReady = activateLocale(preferredLocale());
startTheme();
await localeReady;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <AppRouter />
    </Providers>
  </StrictMode>,
);
