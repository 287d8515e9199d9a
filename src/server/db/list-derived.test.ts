import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceFilterQuerySchema, listDevicesQuerySchema, type ListDevicesQuery } from '@/contracts/roma';
import { addDevice } from '../test-support/fixtures';
import { idsInListOrder } from '../test-support/list-order';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { DEFAULT_WORKSPACE } from './bootstrap';
import { forceDevicesOffline, listDevices, summarizeDevices, updateDevice } from './device-queries';
import { likeContains } from './dialect';
import { seedDemoFleetOnce } from './seed/seed-fleet';
import { testTrail } from '../test-support/audit-trail';

// The list and the summary answer from the list index in memory (device-list/), caught up through
// each engine's change log; these tests hold it to what a plain scan of `devices` says, through changes.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoFleetOnce(t.db, t.dialect, { count: 3_000, now: Date.UTC(2026, 10, 1), vault: t.vault });
});
afterAll(() => t.close());

const list = (query: ListDevicesQuery) => listDevices(t.db, t.dialect, DEFAULT_WORKSPACE, listDevicesQuerySchema.parse({ limit: '999', ...query }), t.listIndex);

/** The ground truth: a scan with the filters spelled out by hand. */
async function scanCount(where: { online_status?: number[]; status?: number; frozen?: 0 | 1; product_id?: number; name?: string; tag?: string }) {
  let q = t.db.selectFrom('devices').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', 'default');
  if (where.online_status) q = q.where('online_status', 'in', where.online_status);
  if (where.status !== undefined) q = q.where('status', '=', where.status);
  if (where.frozen !== undefined) q = q.where('frozen', '=', where.frozen);
  if (where.product_id !== undefined) q = q.where('product_id', '=', where.product_id);
  if (where.name !== undefined) q = q.where('device_name', t.dialect === 'postgres' ? 'ilike' : 'like', likeContains(where.name));
  if (where.tag !== undefined) q = q.where('id', 'in', t.db.selectFrom('device_tags').select('device_id').where('tag', '=', where.tag!));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The console's summary under a filter of product and tag (or neither), against scans of each of its counts. */
async function expectSummaryMatchesScans(product_id?: number, tag?: string) {
  const query = { ...(product_id && { product_id: String(product_id) }), ...(tag && { tag }) };
  const summary = await summarizeDevices(t.db, t.dialect, 'default', deviceFilterQuerySchema.parse(query), t.listIndex);
  expect(summary).toEqual({
    total: await scanCount({ product_id, tag }),
    online_status: {
      '0': await scanCount({ product_id, tag, online_status: [0] }),
      '1': await scanCount({ product_id, tag, online_status: [1] }),
      '2': await scanCount({ product_id, tag, online_status: [2] }),
    },
    status: { '0': await scanCount({ product_id, tag, status: 0 }), '1': await scanCount({ product_id, tag, status: 1 }) },
    frozen: await scanCount({ product_id, tag, frozen: 1 }),
  });
}

async function expectTotalsMatchScans() {
  expect((await list({})).total).toBe(await scanCount({}));
  expect((await list({ online_status: '1' })).total).toBe(await scanCount({ online_status: [1] }));
  expect((await list({ online_status: '0,2', status: '0' })).total).toBe(await scanCount({ online_status: [0, 2], status: 0 }));
  expect((await list({ frozen: 'true', product_id: '10001' })).total).toBe(await scanCount({ frozen: 1, product_id: 10001 }));
  expect((await list({ tag: 'critical' })).total).toBe(await scanCount({ tag: 'critical' }));
  expect((await list({ tag: 'hvac', online_status: '1', status: '0' })).total).toBe(await scanCount({ tag: 'hvac', online_status: [1], status: 0 }));
  expect((await list({ tag: 'hvac', device_name: 'er-' })).total).toBe(await scanCount({ tag: 'hvac', name: 'er-' }));
  for (const name of ['r-', 'ER', '12', 'temp']) expect((await list({ device_name: name })).total, name).toBe(await scanCount({ name }));
  await expectSummaryMatchesScans();
  await expectSummaryMatchesScans(10001);
  await expectSummaryMatchesScans(undefined, 'critical');
  await expectSummaryMatchesScans(10002, 'pilot');
}

describe('list totals and the summary', () => {
  it('match a scan after seeding', expectTotalsMatchScans);

  it('follow force-offline, status and tag edits, new devices and deletions', async () => {
    // Direct devices only: a gateway cannot be deleted while its sub-devices point at it.
    const online = (await list({ online_status: '1', node_type: '0', limit: '300' })).items.map((d) => d.id);
    await forceDevicesOffline(t.db, t.dialect, 'default', online, { user: 'admin', now: Date.now(), audit: testTrail('admin') });
    const victim = (await list({ status: '0', limit: '1' })).items[0]!;
    await updateDevice(t.db, DEFAULT_WORKSPACE, victim.id, { device_name: victim.device_name, status: 1 }, { user: 'admin', now: Date.now(), audit: testTrail('admin') });
    for (const [i, device] of (await list({ tag: 'critical', limit: '10' })).items.entries()) {
      const tags = i % 2 === 0 ? ['pilot', 'hvac'] : [...device.tags, 'new-tag'];
      await updateDevice(t.db, DEFAULT_WORKSPACE, device.id, { device_name: device.device_name, status: device.status, tags }, { user: 'admin', now: Date.now(), audit: testTrail('admin') });
    }
    await t.db.deleteFrom('device_tags').where('tag', '=', 'pilot').where('device_id', 'in', online.slice(40, 60)).execute();
    await t.db.updateTable('devices').set({ frozen: 1 }).where('id', 'in', online.slice(0, 20)).execute();
    await t.db.deleteFrom('devices').where('id', 'in', online.slice(20, 40)).execute();
    const product = await t.db.selectFrom('products').selectAll().where('id', '=', 10001).executeTakeFirstOrThrow();
    for (const online_status of [0, 1, 2]) await addDevice(t.db, product, { online_status, device_name: `temp-new-${online_status}`, tags: ['critical', 'pilot'] });
    await expectTotalsMatchScans();
  });
});

describe('a tag filter', () => {
  /** The ground truth: the tag's devices ordered by hand. */
  async function scanPage(tag: string, status: number | undefined, offset: number, limit: number) {
    let q = t.db.selectFrom('devices').select('id').where('workspace_id', '=', 'default');
    q = q.where('id', 'in', t.db.selectFrom('device_tags').select('device_id').where('tag', '=', tag));
    if (status !== undefined) q = q.where('status', '=', status);
    return (await q.orderBy('device_name').orderBy('id').offset(offset).limit(limit).execute()).map((r) => r.id);
  }

  // Near and deep pages, and a rare match (a tag with a rare status).
  it.each([
    ['critical', undefined, 0, 50],
    ['critical', undefined, 100, 20],
    ['critical', undefined, 300, 999],
    ['critical', 1, 0, 50],
    ['pilot', 0, 0, 999],
  ] as const)('pages %s (status %s) at offset %i, limit %i as a scan does', async (tag, status, offset, limit) => {
    const query = { tag, sort: 'device_name', offset: String(offset), limit: String(limit), ...(status !== undefined && { status: String(status) as '0' | '1' }) } as const;
    expect((await list(query)).items.map((d) => d.id)).toEqual(await scanPage(tag, status, offset, limit));
  });
});

/** The ground truth: the devices passing `where` in `sort`'s order, paged by hand. */
const scanPage = async (where: { status?: number; frozen?: 0 | 1 }, sort: string, offset: number, limit: number) =>
  (await idsInListOrder(t.db, t.dialect, sort, where)).slice(offset, offset + limit);

describe('a page past the middle of its result, read from the far end', () => {
  it.each(['id', '-id', 'device_name', 'last_active_time', '-last_active_time', 'online_status'] as const)('pages sorted by %s as a scan does, to the last page and past it', async (sort) => {
    const total = await scanCount({ status: 0 });
    for (const offset of [Math.floor(total / 2) - 10, total - 120, total - 30, total, total + 50]) {
      const { items } = await list({ status: '0', sort, offset: String(offset), limit: '50' });
      expect(items.map((d) => d.id)).toEqual(await scanPage({ status: 0 }, sort, offset, 50));
    }
  });
});

describe('a page of a rare filter', () => {
  it.each(['device_name', '-node_id', 'last_active_time', '-last_active_time', '-last_updated_datetime', 'online_status'] as const)(
    'pages sorted by %s as a scan does',
    async (sort) => {
      for (const [where, query] of [
        [{ status: 1 }, { status: '1' }],
        [{ frozen: 1 }, { frozen: 'true' }],
      ] as const) {
        const total = await scanCount(where);
        for (const offset of [0, 7, Math.floor(total / 2) - 3, total - 5, total + 5]) {
          const { items } = await list({ ...query, sort, offset: String(offset), limit: '20' });
          expect(items.map((d) => d.id), `${JSON.stringify(query)} at ${offset}`).toEqual(await scanPage(where, sort, offset, 20));
        }
      }
    },
  );
});

describe('name search', () => {
  it.each([
    ['a common substring', 'er-'],
    ['a rare one', 'meter-000'],
    ['two characters', '12'],
    ['upper case', 'PUMP-01'],
    ['001 punctuation', '(spare)'],
    ['nothing', 'no-such-name'],
  ])('finds what LIKE finds: %s', async (_, name) => {
    const { total, items } = await list({ device_name: name });
    expect(total).toBe(await scanCount({ name }));
    expect(items.every((d) => d.device_name.toLowerCase().includes(name.toLowerCase()))).toBe(true);
  });

  it('follows renames and deletions', async () => {
    const [first, second] = (await list({ limit: '2' })).items;
    await updateDevice(t.db, DEFAULT_WORKSPACE, first!.id, { device_name: 'renamed-unit-xq7', status: first!.status }, { user: 'admin', now: Date.now(), audit: testTrail('admin') });
    expect((await list({ device_name: 'unit-xq7' })).items.map((d) => d.id)).toEqual([first!.id]);
    expect((await list({ device_name: first!.device_name })).items.map((d) => d.id)).not.toContain(first!.id);
    await t.db.deleteFrom('devices').where('id', '=', second!.id).execute();
    expect((await list({ device_name: second!.device_name })).items.map((d) => d.id)).not.toContain(second!.id);
  });

  it('stays within the workspace', async () => {
    expect((await listDevices(t.db, t.dialect, { ...DEFAULT_WORKSPACE, id: 'acme' }, listDevicesQuerySchema.parse({ device_name: 'meter-000' }), t.listIndex)).total).toBe(0);
  });

  it('counts what LIKE counts where Unicode would fold case differently', async () => {
    // LIKE folds ASCII letters only: a Kelvin sign is not a "k", and Å is not å.
    const [kelvin, ascii, nordic] = (await list({ limit: '3', offset: '10' })).items;
    const rename = (device: typeof kelvin, device_name: string) =>
      updateDevice(t.db, DEFAULT_WORKSPACE, device!.id, { device_name, status: device!.status }, { user: 'admin', now: Date.now(), audit: testTrail('admin') });
    await rename(kelvin, 'gauge-\u212Aelvin-7');
    await rename(ascii, 'GAUGE-KELVIN-8');
    await rename(nordic, 'Åska-sensor-9');
    for (const name of ['kelvin', 'gauge-', 'åska', 'Åska-s', 'ke', 'KE', 'ås', 'Ås']) expect((await list({ device_name: name })).total, name).toBe(await scanCount({ name }));
  });

  it('counts only the workspace once another workspace holds matching devices', async () => {
    await t.db.insertInto('workspaces').values({ id: 'w2', name: 'w2', project_id: 'w2', instance_id: 'w2', org_id: 'w2' }).execute();
    const moved = (await list({ device_name: 'er-', limit: '5' })).items.map((d) => d.id);
    await t.db.updateTable('devices').set({ workspace_id: 'w2' }).where('id', 'in', moved).execute();
    for (const name of ['er-', 'er']) expect((await list({ device_name: name })).total, name).toBe(await scanCount({ name }));
    await t.db.updateTable('devices').set({ workspace_id: 'default' }).where('id', 'in', moved).execute();
    expect((await list({ device_name: 'er' })).total).toBe(await scanCount({ name: 'er' }));
  });
});
