import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWorkspace } from '../db/bootstrap';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrations';
import { addDevice, addProduct } from '../test-support/fixtures';
import { throwawayPostgres } from '../test-support/test-app';
import { PostgresNotifications, type TakenChanges } from './change-source';

// Runs in the PostgreSQL pass only (vitest.config.ts).
let postgres: { url: string; drop: () => Promise<void> };
let handle: DatabaseHandle;
let source: PostgresNotifications;
const errors: unknown[] = [];

beforeEach(async () => {
  postgres = await throwawayPostgres(process.env.TEST_DATABASE_URL!);
  handle = openDatabase({ databaseUrl: postgres.url });
  await migrate(handle.db, handle.dialect);
  await ensureWorkspace(handle.db);
  source = new PostgresNotifications(postgres.url, (error) => errors.push(error));
});
afterEach(async () => {
  await source.close();
  await handle.close();
  await postgres.drop();
});

const dropListeningConnection = () =>
  sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN device_changes%'`.execute(handle.db);

/** Takes until `until` holds of a take; answers that take. */
async function takeUntil(until: (taken: TakenChanges) => boolean): Promise<TakenChanges> {
  let last: TakenChanges | undefined;
  await expect.poll(async () => until((last = await source.take())), { timeout: 5_000, interval: 20 }).toBe(true);
  return last!;
}

describe('the PostgreSQL change source', () => {
  it('says changes were lost when its connection drops, and again once it listens, for what was committed in between', async () => {
    const device = await addDevice(handle.db, await addProduct(handle.db));
    await source.take();
    await dropListeningConnection();
    await takeUntil((taken) => taken.lost);

    // Committed before it listens again (a second later): no notification of it ever arrives.
    await handle.db.updateTable('devices').set({ status: 1 }).where('id', '=', device.id).execute();
    const after = await takeUntil((taken) => taken.lost || taken.notes.some((note) => note.deviceId === device.id));
    expect(after.lost).toBe(true);
    expect(errors.length).toBeGreaterThan(0);

    // Listening again: the next change is told as it is.
    await handle.db.updateTable('devices').set({ status: 0 }).where('id', '=', device.id).execute();
    const told = await takeUntil((taken) => taken.notes.length > 0);
    expect(told).toEqual({ notes: [{ workspaceId: 'default', deviceId: device.id, activityOnly: false }], lost: false });
  });
});
