import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_CSV_COLUMNS } from '@/contracts/device-export';
import { useAppWithProduct } from '../test-support/app-with-product';
import { addDevice } from '../test-support/fixtures';
import { idsInListOrder } from '../test-support/list-order';

const EXPORT = '/console/v1/projects/default/instances/default/devices/export';

describe('the device export: every device the filter matches, as CSV', () => {
  const ctx = useAppWithProduct();
  let token = '';
  beforeAll(async () => {
    token = await ctx.t.token();
    // Past the thousand devices read at a time, with a name a spreadsheet would run as a formula.
    const rows = Array.from({ length: 2_345 }, (_, i) => ({ device_name: `unit-${String(i).padStart(4, '0')}`, status: i % 3 === 0 ? 1 : 0, created_datetime: 1_700_000_000_000 + i }));
    for (const row of rows) await addDevice(ctx.t.db, ctx.product, row);
    await addDevice(ctx.t.db, ctx.product, { device_name: '=cmd|calc', tags: ['north', 'roof'], last_active_time: Date.parse('2026-12-01T10:00:00Z') });
  });
  const exported = async (query: string) => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${EXPORT}?${query}`, headers: { 'x-auth-token': token } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return parse(res.body, { columns: true }) as Array<Record<(typeof DEVICE_CSV_COLUMNS)[number], string>>;
  };

  it('exports every matching device in the list\'s order, not a page', async () => {
    const rows = await exported('status=1&sort=-created_datetime');
    expect(rows.map((r) => Number(r.id))).toEqual(await idsInListOrder(ctx.t.db, ctx.t.dialect, '-created_datetime', { status: 1 }));
    expect(rows).toHaveLength(782);
  });

  it('writes each device as a row of the documented columns, times in ISO 8601 and no formula left to run', async () => {
    const [row] = await exported('device_name=cmd');
    expect(Object.keys(row!)).toEqual([...DEVICE_CSV_COLUMNS]);
    expect(row).toMatchObject({ device_name: "'=cmd|calc", tags: 'north;roof', last_active_time: '2026-12-01T10:00:00.000Z', product_name: ctx.product.product_name, frozen: 'false' });
  });

  it('refuses a bad filter in the ROMA envelope', async () => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${EXPORT}?sort=colour`, headers: { 'x-auth-token': token } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error_code: string }>().error_code).toBe('SCB.00000000');
  });
});
