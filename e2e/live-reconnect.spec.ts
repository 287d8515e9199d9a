import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_OWN_BASE_URL, E2E_OWN_DATA_DIR, E2E_OWN_PORT } from './support/config';
import { deviceRows, waitForRows } from './support/device-list';
import { ownService, type OwnService } from './support/own-service';
import { signInAt } from './support/sign-in';

declare global {
  interface Window {
    __sameDocument?: boolean;
  }
}

test.use({ baseURL: E2E_OWN_BASE_URL });

let service: OwnService;
test.beforeAll(async () => {
  service = await ownService({ port: E2E_OWN_PORT, dataDir: E2E_OWN_DATA_DIR, seedDevices: 200 });
});
test.afterAll(() => service.stop());

/** The service's database file, opened as another process would while the service is down. */
function database<T>(use: (db: Database.Database) => T): T {
  const db = new Database(path.join(E2E_OWN_DATA_DIR, 'device-console.sqlite'));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

test('a console whose service dies says Reconnecting, and once it is back shows what changed meanwhile, with no reload', async ({ page }) => {
  test.setTimeout(90_000);
  const live = page.getByRole('status').filter({ hasText: /^(Live|Connecting…|Reconnecting…|Paused)$/ });
  const device = database((db) => db.prepare('SELECT id, device_name FROM devices WHERE status = 0 ORDER BY id LIMIT 1').get() as { id: number; device_name: string });
  const row = deviceRows(page).filter({ hasText: device.device_name });
  await signInAt(page, `/?device_name=${encodeURIComponent(device.device_name)}`);
  await waitForRows(page);
  await expect(live).toHaveText('Live');
  await page.evaluate(() => (window.__sameDocument = true));

  await service.kill();
  await expect(live).toHaveText('Reconnecting…', { timeout: 10_000 });
  database((db) => db.prepare('UPDATE devices SET status = 1, revision = revision + 1 WHERE id = ?').run(device.id));
  await expect(row).toContainText('Enabled');

  const reopened = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/events') && r.ok());
  await service.start();
  // The stream resumes from its last event id, which the new process cannot know: it answers
  // `reset`, and the console reads again what it shows.
  await expect(live).toHaveText('Live', { timeout: 30_000 });
  expect((await reopened).request().headers()['last-event-id']).toMatch(/^[0-9a-f]+\.\d+$/);
  await expect(row).toContainText('Disabled', { timeout: 10_000 });
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});
