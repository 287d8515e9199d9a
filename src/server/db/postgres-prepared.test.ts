import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throwawayPostgres } from '../test-support/test-app';
import { openDatabase, type DatabaseHandle } from './connect';
import { migrate } from './migrations';

// Runs in the PostgreSQL pass only (vitest.config.ts).
let postgres: { url: string; drop: () => Promise<void> };
let ours: DatabaseHandle;
let theirs: DatabaseHandle;

beforeEach(async () => {
  postgres = await throwawayPostgres(process.env.TEST_DATABASE_URL!);
  ours = openDatabase({ databaseUrl: postgres.url });
  await migrate(ours.db, ours.dialect);
  theirs = openDatabase({ databaseUrl: postgres.url });
  await ours.db.insertInto('workspaces').values({ id: 'w1', name: 'w1', project_id: 'w1', instance_id: 'w1', org_id: 'w1' }).execute();
});
afterEach(async () => {
  await ours.close();
  await theirs.close();
  await postgres.drop();
});

const preparedOnThisConnection = async (db: DatabaseHandle['db']) =>
  (await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)).rows.map((row) => row.statement);
const backend = async (db: DatabaseHandle['db']) => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid;

describe('reads prepared on PostgreSQL', () => {
  it('prepares a SELECT outside a transaction, not a write and nothing inside one', async () => {
    await ours.db.selectFrom('workspaces').select('name').where('id', '=', 'w1').execute();
    await ours.db.updateTable('workspaces').set({ name: 'renamed' }).where('id', '=', 'w1').execute();
    const statements = await ours.db.transaction().execute(async (trx) => {
      await trx.selectFrom('workspaces').select('org_id').where('id', '=', 'w1').execute();
      return preparedOnThisConnection(trx);
    });
    expect(statements.some((text) => /^select "name" from "workspaces"/.test(text))).toBe(true);
    expect(statements.some((text) => /^update/i.test(text))).toBe(false);
    expect(statements.some((text) => /^select "org_id"/.test(text))).toBe(false);
  });

  it("answers a prepared read again after another replica's migration changed its columns", async () => {
    const read = () => ours.db.selectFrom('workspaces').selectAll().where('id', '=', 'w1').executeTakeFirstOrThrow();
    await read();
    const pid = await backend(ours.db);
    await sql`ALTER TABLE workspaces ADD COLUMN extra text DEFAULT 'added'`.execute(theirs.db);
    // The pool hands back the connection used last: the one with the statement prepared.
    expect(await backend(ours.db)).toBe(pid);
    expect(await read()).toMatchObject({ id: 'w1', extra: 'added' });
  });
});
