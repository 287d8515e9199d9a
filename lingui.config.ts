import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';
import { LAZY_SOURCES } from './src/web/locales/lazy-sources';

const TESTS = ['**/*.test.*', '**/test-support/**', '**/test-setup.ts'];
const lazy = LAZY_SOURCES.map((source) => `<rootDir>/${source}${source.endsWith('/') ? '**' : ''}`);

// The console's strings: English is the source, Simplified Chinese the translation. Two catalogs
// per language (src/web/lib/i18n.ts loads them): the first load's, and that of the pages and
// dialogs behind lazy boundaries. A tab downloads only the language it shows.
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'zh-CN'],
  // Origins without line numbers: moving code does not rewrite the catalogs.
  format: formatter({ lineNumbers: false }),
  catalogs: [
    { path: '<rootDir>/src/web/locales/{locale}/messages', include: ['<rootDir>/src/web'], exclude: [...TESTS, ...lazy] },
    { path: '<rootDir>/src/web/locales/{locale}/lazy', include: lazy, exclude: TESTS },
  ],
});
