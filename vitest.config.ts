import { fileURLToPath } from 'node:url';
import { lingui, linguiTransformerBabelPreset } from '@lingui/vite-plugin';
import babel from '@rolldown/plugin-babel';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// Lingui's macros by Babel, as in vite.config.ts (where the reason is), without its notice about the native transform.
process.env.LINGUI_SUPPRESS_BABEL_WARNING = '1';

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

export default defineConfig({
  plugins: [react(), lingui(), babel({ presets: [linguiTransformerBabelPreset()] })],
  resolve: { alias },
  test: {
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/contracts/**/*.test.ts', 'src/simulator/**/*.test.ts', 'integration/**/*.test.ts'],
          // Tests of PostgreSQL alone (replicas sharing one, COPY, query plans, notifications, prepared reads) run in its pass (npm run test:pg) only.
          exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ['integration/replicas/**', 'integration/list-plans.test.ts', 'src/server/db/seed/copy-rows.test.ts', 'src/server/db/notified-data-version.test.ts', 'src/server/db/postgres-prepared.test.ts', 'src/server/events/postgres-notifications.test.ts'])],
        },
      },
      // Its own project so the PostgreSQL pass (`--project server`) does not rerun the SQLite bench.
      { extends: true, test: { name: 'bench', environment: 'node', include: ['bench/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'src/web/locales/**'],
          setupFiles: ['./src/web/test-setup.ts'],
          // The themes' stylesheet as written, for theme-colors.test.ts; other styles stay empty in tests.
          css: { include: [/\/app\.css/] },
        },
      },
      // The catalogs are checked by Lingui's command line, in Node: not the console's code.
      { extends: true, test: { name: 'catalogs', environment: 'node', include: ['src/web/locales/**/*.test.ts'] } },
    ],
  },
});
