import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connect';
import { migrate } from './migrations';

let dir: string;
let ours: DatabaseHandle;
let theirs: DatabaseHandle;

// Two connections to one file: this service's, and another process's (a second replica, a script).
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dc-version-'));
  const file = path.join(dir, 'db.sqlite');
  ours = openDatabase({ sqlitePath: file });
  await migrate(ours.db, ours.dialect);
  theirs = openDatabase({ sqlitePath: file });
});
afterEach(async () => {
  await ours.close();
  await theirs.close();
  await rm(dir, { recursive: true, force: true });
});

const addWorkspace = (handle: DatabaseHandle, id: string) =>
  handle.db.insertInto('workspaces').values({ id, name: id, project_id: id, instance_id: id, org_id: id }).execute();

describe('the SQLite data version', () => {
  it('holds while the database is only read', async () => {
    const before = ours.dataVersion!();
    await ours.db.selectFrom('workspaces').selectAll().execute();
    await theirs.db.selectFrom('workspaces').selectAll().execute();
    expect(ours.dataVersion!()).toBe(before);
  });

  it('moves with a write through this connection', async () => {
    const before = ours.dataVersion!();
    await addWorkspace(ours, 'w1');
    expect(ours.dataVersion!()).not.toBe(before);
  });

  it('moves with a commit by another connection', async () => {
    const before = ours.dataVersion!();
    await addWorkspace(theirs, 'w2');
    expect(ours.dataVersion!()).not.toBe(before);
  });

  it('moves with a rolled-back write too, and never back to a version it had', async () => {
    const seen = new Set([ours.dataVersion!()]);
    await expect(
      ours.db.transaction().execute(async (trx) => {
        await trx.insertInto('workspaces').values({ id: 'w3', name: 'w3', project_id: 'w3', instance_id: 'w3', org_id: 'w3' }).execute();
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    const after = ours.dataVersion!();
    expect(seen.has(after)).toBe(false);
    seen.add(after);
    await sql`DELETE FROM workspaces WHERE id = 'nobody'`.execute(ours.db);
    await addWorkspace(ours, 'w4');
    expect(seen.has(ours.dataVersion!())).toBe(false);
  });
});
