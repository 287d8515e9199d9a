import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, type AuditPage } from '@/contracts/operators';
import { writeAuditRecords, type Actor } from '../audit/audit-trail';
import { useAppWithProduct } from '../test-support/app-with-product';
import { signedInAs } from '../test-support/operators';

const AUDIT = '/console/v1/projects/default/instances/default/audit';
const actor = (username: string): Actor => ({ workspaceId: 'default', username, requestId: 'req-1', clientIp: '10.0.0.9', runId: null });
const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('reading the audit log: filters, pages and CSV', () => {
  const ctx = useAppWithProduct();
  let admin = '';
  beforeAll(async () => {
    admin = (await signedInAs(ctx.t, 'admin')).token;
    await writeAuditRecords(ctx.t.db, actor('anna'), [{ action: 'device.freeze', deviceId: 7, before: { frozen: 0 }, after: { frozen: 1 } }], T0);
    await writeAuditRecords(ctx.t.db, actor('ben'), [{ action: 'device.update', deviceId: 7, target: '=HYPERLINK("x")', result: 'refused', errorCode: 'APIGW.0302', errorMsg: 'no' }], T0 + 60_000);
    await writeAuditRecords(ctx.t.db, actor('anna'), [{ action: 'device.update', deviceId: 8, before: { device_name: 'a' }, after: { device_name: '=cmd()' } }], T0 + 120_000);
    // Another workspace's record is never shown here.
    await writeAuditRecords(ctx.t.db, { ...actor('anna'), workspaceId: 'acme' }, [{ action: 'device.freeze', deviceId: 7 }], T0);
  });
  const read = async (query: string) => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}?${query}`, headers: { 'x-auth-token': admin } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPage>();
  };
  const ids = (page: AuditPage) => page.items.map((r) => [r.user, r.action, r.device_id]);

  it('answers newest first, with the before and after of each change', async () => {
    const page = await read('from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z');
    expect(page.total).toBe(3);
    expect(ids(page)).toEqual([
      ['anna', 'device.update', 8],
      ['ben', 'device.update', 7],
      ['anna', 'device.freeze', 7],
    ]);
    expect(page.items[2]).toMatchObject({ at: '2026-12-01T10:00:00.000Z', result: 'success', before: { frozen: 0 }, after: { frozen: 1 }, request_id: 'req-1', client_ip: '10.0.0.9' });
  });

  it.each([
    ['device_id=7&from=2026-12-01T00:00:00Z', [['ben', 'device.update', 7], ['anna', 'device.freeze', 7]]],
    ['user=anna&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z', [['anna', 'device.update', 8], ['anna', 'device.freeze', 7]]],
    ['action=device.update&result=refused&from=2026-12-01T00:00:00Z', [['ben', 'device.update', 7]]],
    ['from=2026-12-01T10:01:00Z&to=2026-12-01T10:02:00Z', [['ben', 'device.update', 7]]],
  ])('filters by %s', async (query, expected) => {
    expect(ids(await read(query))).toEqual(expected);
  });

  it('pages with offset and limit, the total unchanged', async () => {
    const page = await read('from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&offset=1&limit=1');
    expect([page.total, ids(page)]).toEqual([3, [['ben', 'device.update', 7]]]);
  });

  it.each(['limit=1001', 'action=device.delete', 'result=maybe', 'from=yesterday', 'device_id=x'])('refuses %s in the ROMA envelope', async (query) => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}?${query}`, headers: { 'x-auth-token': admin } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error_code: string }>().error_code).toBe('SCB.00000000');
  });

  it('exports every matching record as CSV, a formula never left to run', async () => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}/export?user=anna&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`, headers: { 'x-auth-token': admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`anna,device.update,success,8,,,,"{""device_name"":""a""}","{""device_name"":""=cmd()""}"`);
    expect(lines[2]).toContain('anna,device.freeze,success,7');
    const ben = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}/export?user=ben`, headers: { 'x-auth-token': admin } });
    expect(ben.body).toContain(`,ben,device.update,refused,7,"'=HYPERLINK(""x"")",APIGW.0302,no,`);
  });

  it('exports the header alone when nothing matches', async () => {
    const res = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}/export?user=nobody`, headers: { 'x-auth-token': admin } });
    expect(res.body).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('exports past a thousand records, in order', async () => {
    const many = Array.from({ length: 2_345 }, (_, i) => ({ action: 'device.forceOffline' as const, deviceId: 100_000 + i }));
    await writeAuditRecords(ctx.t.db, actor('bulk'), many, T0 - 3_600_000);
    const res = await ctx.t.app.inject({ method: 'GET', url: `${AUDIT}/export?user=bulk`, headers: { 'x-auth-token': admin } });
    const rows = res.body.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(2_345);
    const deviceIds = rows.map((row) => Number(row.split(',')[5]));
    expect(deviceIds[0]).toBe(102_344);
    expect(deviceIds.at(-1)).toBe(100_000);
  });
});
