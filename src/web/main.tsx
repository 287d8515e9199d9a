import '@/web/app/sign-in-prefetch';
import { startTheme } from '@/web/lib/theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '@/web/app/providers';
import { AppRouter } from '@/web/app/router';
import '@/web/app/app.css';
import '@/web/app/controls.css';
import '@/web/app/shell.css';

startTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <AppRouter />
    </Providers>
  </StrictMode>,
);
