import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPreparedStatements } from './prepared-statements';

interface Things {
  things: { id: number; name: string; size: number | null };
}

let sqlite: SQLite.Database;
let db: Kysely<Things>;

beforeEach(async () => {
  sqlite = new SQLite(':memory:');
  db = new Kysely<Things>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
  await sql`CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER)`.execute(db);
  await db.insertInto('things').values([{ id: 1, name: 'pump', size: 3 }, { id: 2, name: 'meter', size: null }]).execute();
});
afterEach(() => db.destroy());

describe('statements kept prepared', () => {
  it('answers rows as objects keyed by column, as better-sqlite3 does', async () => {
    const query = sql<Record<string, unknown>>`SELECT t.*, t.name AS label, t.size AS name FROM things t ORDER BY id`;
    const expected = sqlite.prepare(query.compile(db).sql).all();
    expect(expected).toEqual([
      { id: 1, name: 3, size: 3, label: 'pump' },
      { id: 2, name: null, size: null, label: 'meter' },
    ]);
    expect((await query.execute(db)).rows).toEqual(expected);
  });

  it('answers the rows INSERT … RETURNING reads, and the changes of a write', async () => {
    const inserted = await db.insertInto('things').values({ id: 3, name: 'valve', size: 1 }).returning(['id', 'name']).executeTakeFirstOrThrow();
    expect(inserted).toEqual({ id: 3, name: 'valve' });
    const updated = await db.updateTable('things').set({ size: 9 }).where('id', '>', 1).executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it('streams rows as objects too', async () => {
    const names: string[] = [];
    for await (const row of db.selectFrom('things').select(['name']).orderBy('id').stream()) names.push(row.name);
    expect(names).toEqual(['pump', 'meter']);
  });

  it('answers a column added after a SELECT * was prepared, under its name', async () => {
    const all = () => db.selectFrom('things').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(await all()).toEqual({ id: 1, name: 'pump', size: 3 });
    await sql`ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'red'`.execute(db);
    expect(await all()).toEqual({ id: 1, name: 'pump', size: 3, colour: 'red' });
  });
});
