import { tmpdir } from 'node:os';
import path from 'node:path';

/** The service the Playwright suite starts (see playwright.config.ts) and the operator it signs in as. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8931);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-password';
/** Devices seeded in the e2e database. */
export const E2E_SEED_DEVICES = 400;
/** The e2e service's DATA_DIR: recreated by every run, it holds the database and service.log. */
export const E2E_DATA_DIR = path.join(tmpdir(), `device-console-e2e-${E2E_PORT}`);

/**
 * A second service whose MQTT gateway is on, for the specs of devices that connect for real. The
 * first keeps its gateway off: its specs read the seeded connection states, which a gateway resets.
 */
export const E2E_LIVE_PORT = E2E_PORT + 1;
export const E2E_LIVE_BASE_URL = `http://127.0.0.1:${E2E_LIVE_PORT}`;
export const E2E_MQTT_PORT = E2E_PORT + 2;
export const E2E_LIVE_SEED_DEVICES = 40;
export const E2E_LIVE_DATA_DIR = path.join(tmpdir(), `device-console-e2e-${E2E_LIVE_PORT}`);

/** A service a spec starts, kills and restarts itself (support/own-service.ts), beside the shared ones. */
export const E2E_OWN_PORT = E2E_PORT + 3;
export const E2E_OWN_BASE_URL = `http://127.0.0.1:${E2E_OWN_PORT}`;
export const E2E_OWN_DATA_DIR = path.join(tmpdir(), `device-console-e2e-${E2E_OWN_PORT}`);

/** The environment of an e2e service, as `npm start` reads it: its own port, data folder and seed, serving the built console. */
export function serviceEnv(options: { port: number; dataDir: string; seedDevices: number; mqttPort: string; databaseUrl?: string | undefined }): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    SEED_DEVICES: String(options.seedDevices),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    WEB_ROOT: 'dist/web',
    MQTT_PORT: options.mqttPort,
  };
}
