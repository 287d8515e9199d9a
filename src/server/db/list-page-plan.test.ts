import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevicesQuerySchema, type ListDevicesQuery } from '@/contracts/roma';
import { DEFAULT_WORKSPACE, ensureWorkspace } from './bootstrap';
import { openDatabase, type DatabaseHandle } from './connect';
import { listDevices } from './device-queries';
import { planPage } from './list-page-plan';
import { migrate } from './migrations';
import { seedDemoFleetOnce } from './seed/seed-fleet';

// The plan reads SQLite's device_counts; the pages it gives are held to scans in list-derived.test.ts.
let database: DatabaseHandle;
beforeAll(async () => {
  database = openDatabase({ sqlitePath: ':memory:' });
  await migrate(database.db, database.dialect);
  await ensureWorkspace(database.db);
  await seedDemoFleetOnce(database.db, database.dialect, { count: 3_000, now: Date.UTC(2026, 10, 1) });
});
afterAll(() => database.close());

async function plan(query: ListDevicesQuery) {
  const params = listDevicesQuerySchema.parse({ limit: '20', ...query });
  const { total } = await listDevices(database.db, database.dialect, DEFAULT_WORKSPACE, params);
  return planPage(database.db, DEFAULT_WORKSPACE.id, params, total);
}

describe('a list page’s plan on SQLite', () => {
  it('gathers a rare filter’s devices from its index where the walk would pass many that do not match', async () => {
    expect(await plan({ status: '1', sort: 'device_name' })).toMatchObject({ gather: true });
    expect(await plan({ frozen: 'true', sort: '-last_active_time', offset: '10' })).toMatchObject({ gather: true });
    expect(await plan({ status: '1', product_id: '10001', sort: 'node_id' })).toMatchObject({ gather: true });
  });

  it('walks the sort index for a common filter, a name or none, and in id order', async () => {
    expect(await plan({ online_status: '1', sort: 'device_name' })).toMatchObject({ gather: false });
    expect(await plan({ device_name: 'er-', sort: 'device_name' })).toMatchObject({ gather: false });
    expect(await plan({ sort: '-last_active_time' })).toMatchObject({ gather: false });
    expect(await plan({ status: '1', sort: 'id' })).toMatchObject({ gather: false });
  });

  it('reads a page past the middle from the far end', async () => {
    const { total } = await listDevices(database.db, database.dialect, DEFAULT_WORKSPACE, listDevicesQuerySchema.parse({ status: '0', limit: '1' }));
    expect((await plan({ status: '0', offset: String(total - 30) })).window).toEqual({ sort: '-id', offset: 10, limit: 20, reversed: true });
  });
});
