import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throwawayPostgres } from '../test-support/test-app';
import { openDatabase, type DatabaseHandle } from './connect';
import { DATA_CHANGES_TRIGGER } from './data-changes-migration';
import { migrate } from './migrations';

// Runs in the PostgreSQL pass only (vitest.config.ts).
let postgres: { url: string; drop: () => Promise<void> };
let ours: DatabaseHandle;
let theirs: DatabaseHandle;

/** Resolves once two readings a few milliseconds apart agree: the handle listens. */
async function untilSteady(handle: DatabaseHandle): Promise<string> {
  await expect.poll(() => {
    const first = handle.dataVersion!();
    return new Promise((resolve) => setTimeout(() => resolve(handle.dataVersion!() === first), 20));
  }, { timeout: 3_000, interval: 50 }).toBe(true);
  return handle.dataVersion!();
}

// This replica's handle and another's, on one throw-away database.
beforeEach(async () => {
  postgres = await throwawayPostgres(process.env.TEST_DATABASE_URL!);
  ours = openDatabase({ databaseUrl: postgres.url });
  await migrate(ours.db, ours.dialect);
  theirs = openDatabase({ databaseUrl: postgres.url });
});
afterEach(async () => {
  await ours.close();
  await theirs.close();
  await postgres.drop();
});

const addWorkspace = (handle: DatabaseHandle, id: string) =>
  handle.db.insertInto('workspaces').values({ id, name: id, project_id: id, instance_id: id, org_id: id }).execute();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the PostgreSQL data version', () => {
  it('holds while the database is only read, in transactions too', async () => {
    const before = await untilSteady(ours);
    await ours.db.selectFrom('workspaces').selectAll().execute();
    await ours.db.transaction().execute((trx) => trx.selectFrom('devices').select('id').execute());
    await sql`SELECT pg_notify('elsewhere', 'x')`.execute(ours.db);
    await theirs.db.selectFrom('workspaces').selectAll().execute();
    await pause(200);
    expect(ours.dataVersion!()).toBe(before);
  });

  it("moves the moment this process's write has committed, alone or in a transaction", async () => {
    const before = await untilSteady(ours);
    await addWorkspace(ours, 'w1');
    const afterOne = ours.dataVersion!();
    expect(afterOne).not.toBe(before);
    await ours.db.transaction().execute((trx) => trx.updateTable('workspaces').set({ name: 'renamed' }).where('id', '=', 'w1').execute());
    expect(ours.dataVersion!()).not.toBe(afterOne);
  });

  it("moves within a second of another replica's commit, and not for its rolled-back write", async () => {
    const before = await untilSteady(ours);
    await expect(
      theirs.db.transaction().execute(async (trx) => {
        await trx.insertInto('workspaces').values({ id: 'w2', name: 'w2', project_id: 'w2', instance_id: 'w2', org_id: 'w2' }).execute();
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await pause(300);
    expect(ours.dataVersion!()).toBe(before);
    await addWorkspace(theirs, 'w3');
    await expect.poll(() => ours.dataVersion!(), { timeout: 1_000, interval: 10 }).not.toBe(before);
  });

  it('differs at every reading while its listening connection is down, and holds again once it listens', async () => {
    await untilSteady(ours);
    await untilSteady(theirs);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN data_changes%'`.execute(theirs.db);
    await expect.poll(() => ours.dataVersion!() !== ours.dataVersion!(), { timeout: 1_000, interval: 5 }).toBe(true);
    await untilSteady(ours);
  });

  it('is announced by every table', async () => {
    const { rows } = await sql<{ name: string }>`SELECT t.tablename AS name FROM pg_tables t
      WHERE t.schemaname = current_schema() AND t.tablename NOT LIKE 'kysely\\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = (quote_ident(t.tablename))::regclass AND g.tgname = ${DATA_CHANGES_TRIGGER})`.execute(ours.db);
    expect(rows).toEqual([]);
  });
});
