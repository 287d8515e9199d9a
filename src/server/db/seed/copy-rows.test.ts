import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { throwawayPostgres } from '../../test-support/test-app';
import { openDatabase } from '../connect';
import { copyRows } from './copy-rows';

// Runs in the PostgreSQL pass only (vitest.config.ts).
const base = process.env.TEST_DATABASE_URL;

describe('storing rows with COPY on PostgreSQL', () => {
  it('stores text with the characters COPY escapes, NULL apart from the text \\N, and numbers, in the transaction', async () => {
    const pg = await throwawayPostgres(base!);
    const { db, close } = openDatabase({ databaseUrl: pg.url });
    try {
      const rows = [
        { id: 1, note: 'back\\slash, tab\there, new\nline, return\rand end\\', at: 1_767_225_600_000 },
        { id: 2, note: '\\N', at: null },
        { id: 3, note: null, at: -5 },
        { id: 4, note: 'Ünïcode ✓ "quotes" \'and\' ,commas;', at: 0 },
      ];
      const stored = await db.transaction().execute(async (trx) => {
        await sql`CREATE TEMPORARY TABLE copied (id bigint PRIMARY KEY, note text, at bigint) ON COMMIT DROP`.execute(trx);
        await copyRows(trx, 'copied', rows);
        await copyRows(trx, 'copied', []);
        // Another query in the same transaction after COPY: the connection is free again.
        return (await sql<{ id: number; note: string | null; at: number | null }>`SELECT id, note, at FROM copied ORDER BY id`.execute(trx)).rows;
      });
      expect(stored).toEqual(rows);
      // A row the table refuses fails the COPY, and with it the transaction; the connection serves on.
      const refused = db.transaction().execute(async (trx) => {
        await sql`CREATE TEMPORARY TABLE strict (id bigint NOT NULL) ON COMMIT DROP`.execute(trx);
        await copyRows(trx, 'strict', [{ id: 1 }, { id: null }]);
      });
      await expect(refused).rejects.toThrow(/null value/);
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await close();
      await pg.drop();
    }
  });
});
