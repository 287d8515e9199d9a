import '@/web/app/sign-in-prefetch';
import { activateLocale } from '@/web/lib/i18n';
import { preferredLocale } from '@/web/lib/locale-preference';
import { startTheme } from '@/web/lib/theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '@/web/app/providers';
import { AppRouter } from '@/web/app/router';
import { discardUnshownFirstPaint } from '@/web/lib/first-paint';
import '@/web/app/app.css';
import '@/web/app/controls.css';
import '@/web/app/shell.css';
// In the first styles: the sign-in form painted from the HTML needs them (first-paint/).
import '@/web/features/auth/sign-in/sign-in.css';
import '@/web/app/first-paint/first-paint.css';

// The catalog is asked for as the script starts, alongside the sign-in chunks; nothing is shown before it, so no text flashes in the other language.
const localeReady = activateLocale(preferredLocale());
startTheme();
await localeReady;
discardUnshownFirstPaint();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <AppRouter />
    </Providers>
  </StrictMode>,
);
