import { lazy } from 'react';
import { loadLazyMessages } from '@/web/lib/i18n';

/**
 * React's `lazy` for the pages and dialogs of src/web/locales/lazy-sources.ts: the component's
 * chunk and its strings (the lazy catalog, in the language shown) arrive together, so it never
 * renders a message the catalogs have not brought.
 */
export const lazyWithMessages: typeof lazy = (load) => lazy(() => Promise.all([load(), loadLazyMessages()]).then(([module]) => module));
