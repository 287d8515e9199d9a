import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_LIVE_DATA_DIR, E2E_LIVE_PORT, E2E_LIVE_SEED_DEVICES, E2E_MQTT_PORT, E2E_PORT, E2E_SEED_DEVICES, serviceEnv } from './e2e/support/config';

// Playwright cannot download its own browser here: the suite drives Debian's Chromium.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

/** A real service on its own embedded database; the data folder is recreated by every run, so each starts from a fresh seed. */
function service(options: { port: number; dataDir: string; seedDevices: number; mqttPort: string }) {
  return {
    command: `rm -rf '${options.dataDir}' && mkdir -p '${options.dataDir}' && exec node --import tsx src/server/main.ts > '${options.dataDir}/service.log'`,
    url: `http://127.0.0.1:${options.port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    env: serviceEnv(options),
  };
}

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
  webServer: [
    // The real service on its embedded database, serving the console built by `npm run test:e2e`.
    // Its log (stdout) goes to service.log beside the database, where specs check what it wrote.
    service({ port: E2E_PORT, dataDir: E2E_DATA_DIR, seedDevices: E2E_SEED_DEVICES, mqttPort: 'off' }),
    service({ port: E2E_LIVE_PORT, dataDir: E2E_LIVE_DATA_DIR, seedDevices: E2E_LIVE_SEED_DEVICES, mqttPort: String(E2E_MQTT_PORT) }),
  ],
});
