import { defineConfig, devices } from '@playwright/test';
import { ADMIN_PASSWORD, E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT, E2E_SEED_DEVICES } from './e2e/support/config';

// Playwright cannot download its own browser here: the suite drives Debian's Chromium.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

// Removed and recreated by the server command of every run, so each run starts from a fresh seed.
const dataDir = E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The specs share one seeded database, so they run one at a time until they isolate their data.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // The real service on its embedded database, serving the console built by `npm run test:e2e`.
    // Its log (stdout) goes to service.log beside the database, where specs check what it wrote.
    command: `rm -rf '${dataDir}' && mkdir -p '${dataDir}' && exec node --import tsx src/server/main.ts > '${dataDir}/service.log'`,
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      HOST: '127.0.0.1',
      PORT: String(E2E_PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEVICES: String(E2E_SEED_DEVICES),
      CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      WEB_ROOT: 'dist/web',
      // The specs read the seeded fleet's connection states, which a gateway would reset on start.
      MQTT_PORT: 'off',
    },
  },
});
