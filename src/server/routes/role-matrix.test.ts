import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, type Role } from '@/contracts/operators';
import { FORBIDDEN_CODES } from '../auth/roles';
import type { DeviceRow } from '../db/schema';
import { familyOf } from '../errors';
import { useAppWithProduct } from '../test-support/app-with-product';
import { addDevice, snapshot } from '../test-support/fixtures';
import { apiRoutes, auditRecordsAfter, lastAuditId, signedInAs } from '../test-support/operators';

const W = '/console/v1/projects/default/instances/default';
const ROMA = '/v2/default/link/instances/default/devices';

interface Call {
  route: string;
  needed: Role;
  /** What is sent; a body the role check comes before, so an allowed call is refused later, for its input, and changes nothing. */
  send: (device: DeviceRow, iotdaId: string) => InjectOptions | Promise<InjectOptions>;
  /** The route's own role, where the call needs more for what it names (another's token or password, a key). */
  routeNeeds?: Role;
  streams?: boolean;
}

/** DESIGN.md "Operators" as a table: each call, and the least role that may make it. */
const MATRIX: Call[] = [
  { route: 'GET /v3/auth/tokens', needed: 'viewer', send: () => ({ method: 'GET', url: '/v3/auth/tokens' }) },
  { route: 'DELETE /v3/auth/tokens', needed: 'admin', routeNeeds: 'viewer', send: () => ({ method: 'DELETE', url: '/v3/auth/tokens', headers: { 'x-subject-token': bystanderToken } }) },
  { route: `GET /v2/:project_id/link/instances/:instance_id/devices`, needed: 'viewer', send: () => ({ method: 'GET', url: ROMA }) },
  { route: `GET /v2/:project_id/link/instances/:instance_id/devices/:device_id`, needed: 'viewer', send: (d) => ({ method: 'GET', url: `${ROMA}/${d.id}` }) },
  { route: `PUT /v2/:project_id/link/instances/:instance_id/devices/:device_id`, needed: 'operator', send: (d) => ({ method: 'PUT', url: `${ROMA}/${d.id}`, payload: {} }) },
  { route: `POST /v2/:project_id/link/instances/:instance_id/devices/force-offline`, needed: 'operator', send: () => ({ method: 'POST', url: `${ROMA}/force-offline`, payload: {} }) },
  { route: 'POST /connect-service/v2.4/devices', needed: 'operator', send: () => ({ method: 'POST', url: '/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default', payload: {} }) },
  { route: 'POST /connect-service/v2.4/devices', needed: 'admin', routeNeeds: 'operator', send: () => ({ method: 'POST', url: '/connect-service/v2.4/devices?action=replaceDevice&orgId=default', payload: {} }) },
  { route: 'POST /v5/iot/:project_id/devices/:device_id/freeze', needed: 'operator', send: () => ({ method: 'POST', url: '/v5/iot/default/devices/0_none/freeze' }) },
  { route: 'POST /v5/iot/:project_id/devices/:device_id/unfreeze', needed: 'operator', send: () => ({ method: 'POST', url: '/v5/iot/default/devices/0_none/unfreeze' }) },
  { route: 'POST /v5/iot/:project_id/batchtasks', needed: 'operator', send: () => ({ method: 'POST', url: '/v5/iot/default/batchtasks', payload: {} }) },
  { route: 'GET /v5/iot/:project_id/batchtasks', needed: 'viewer', send: () => ({ method: 'GET', url: '/v5/iot/default/batchtasks' }) },
  { route: 'GET /v5/iot/:project_id/batchtasks/:task_id', needed: 'viewer', send: () => ({ method: 'GET', url: '/v5/iot/default/batchtasks/none' }) },
  { route: 'POST /v5/iot/:project_id/batchtasks/:task_id/stop', needed: 'operator', send: () => ({ method: 'POST', url: '/v5/iot/default/batchtasks/none/stop', payload: {} }) },
  { route: 'POST /v5/iot/:project_id/batchtasks/:task_id/retry', needed: 'operator', send: () => ({ method: 'POST', url: '/v5/iot/default/batchtasks/none/retry', payload: {} }) },
  { route: `GET ${'/console/v1/projects/:project_id/instances/:instance_id'}/device-summary`, needed: 'viewer', send: () => ({ method: 'GET', url: `${W}/device-summary` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/devices/export`, needed: 'viewer', send: () => ({ method: 'GET', url: `${W}/devices/export` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/connection-activity`, needed: 'viewer', send: () => ({ method: 'GET', url: `${W}/connection-activity` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/devices/:device_id/connections`, needed: 'viewer', send: (d) => ({ method: 'GET', url: `${W}/devices/${d.id}/connections` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/devices/:device_id/report`, needed: 'viewer', send: (d) => ({ method: 'GET', url: `${W}/devices/${d.id}/report` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/events`, needed: 'viewer', streams: true, send: () => ({ method: 'GET', url: `${W}/events` }) },
  { route: 'PUT /console/v1/orgs/:orgId/public-key', needed: 'admin', send: () => ({ method: 'PUT', url: '/console/v1/orgs/default/public-key', payload: {} }) },
  { route: 'GET /console/v1/orgs/:orgId/public-key', needed: 'viewer', send: () => ({ method: 'GET', url: '/console/v1/orgs/default/public-key' }) },
  { route: 'GET /console/v1/users', needed: 'admin', send: () => ({ method: 'GET', url: '/console/v1/users' }) },
  { route: 'POST /console/v1/users', needed: 'admin', send: () => ({ method: 'POST', url: '/console/v1/users', payload: {} }) },
  { route: 'PATCH /console/v1/users/:username', needed: 'admin', send: () => ({ method: 'PATCH', url: '/console/v1/users/nobody', payload: {} }) },
  // Another user's password: one's own is anyone's to change (users.test.ts).
  { route: 'PUT /console/v1/users/:username/password', needed: 'admin', routeNeeds: 'viewer', send: () => ({ method: 'PUT', url: '/console/v1/users/nobody/password', payload: {} }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/audit`, needed: 'admin', send: () => ({ method: 'GET', url: `${W}/audit?limit=0` }) },
  { route: `GET /console/v1/projects/:project_id/instances/:instance_id/audit/export`, needed: 'admin', send: () => ({ method: 'GET', url: `${W}/audit/export?user=` }) },
];

const ROLES: Role[] = ['viewer', 'operator', 'admin'];
let bystanderToken = '';

describe('roles, enforced on every call (DESIGN.md "Operators")', () => {
  const ctx = useAppWithProduct();
  const tokens = {} as Record<Role, string>;
  let device: DeviceRow;
  beforeAll(async () => {
    for (const role of ROLES) tokens[role] = (await signedInAs(ctx.t, role)).token;
    device = await addDevice(ctx.t.db, ctx.product);
  });

  it('has a row for every route the app serves, and each route names the role of its row', async () => {
    const routes = (await apiRoutes(ctx.t)).filter((route) => !route.public);
    const rows = new Set(MATRIX.map((call) => call.route));
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((route) => !rows.has(route))).toEqual([]);
    for (const route of routes) {
      const needed = MATRIX.filter((call) => call.route === `${route.method} ${route.url}`).map((call) => call.routeNeeds ?? call.needed);
      expect(needed, `${route.method} ${route.url}`).toContain(route.role);
    }
  });

  // A stream the caller may open never ends by itself: only its refusals are sent.
  const cases = MATRIX.flatMap((call) => ROLES.filter((role) => !call.streams || !roleAllows(role, call.needed)).map((role) => [call.route, call.needed, role, call] as const));
  it.each(cases)(
    '%s (needs %s) called by a %s',
    async (_route, needed, role, call) => {
      const allowed = roleAllows(role, needed);
      bystanderToken = (await signedInAs(ctx.t, 'viewer')).token;
      const before = await snapshot(ctx.t.db);
      const sent = await call.send(device, `${ctx.product.id}_${device.node_id}`);
      const res = await ctx.t.app.inject({ ...sent, headers: { ...sent.headers, 'x-auth-token': tokens[role] } });
      if (allowed) {
        expect(res.statusCode, res.body).not.toBe(403);
        return;
      }
      expect(res.statusCode).toBe(403);
      const family = familyOf(sent.url as string);
      const body = res.json<{ error_code?: string; code?: number; error_msg?: string; msg?: string }>();
      expect(family === 'enos' ? body.code : body.error_code).toBe(FORBIDDEN_CODES[family]);
      // The refusal names a role the caller lacks: the route's own, or, past it, the one the call needs.
      const named = /needs the (\w+) role/.exec(body.error_msg ?? body.msg ?? '')?.[1] as Role | undefined;
      expect(named && !roleAllows(role, named)).toBe(true);
      expect(await snapshot(ctx.t.db)).toEqual(before);
    },
  );

  it('shows a viewer each device with read and access only, and an operator with its own permissions', async () => {
    const seen = async (role: Role) => {
      const one = await ctx.t.app.inject({ method: 'GET', url: `${ROMA}/${device.id}`, headers: { 'x-auth-token': tokens[role] } });
      const list = await ctx.t.app.inject({ method: 'GET', url: ROMA, headers: { 'x-auth-token': tokens[role] } });
      const listed = list.json<{ items: Array<{ id: number; permissions: string[] }> }>().items.find((d) => d.id === device.id);
      return [one.json<{ permissions: string[] }>().permissions, listed?.permissions];
    };
    expect(await seen('viewer')).toEqual([['read', 'access'], ['read', 'access']]);
    expect(await seen('operator')).toEqual([
      ['read', 'access', 'delete', 'modify'],
      ['read', 'access', 'delete', 'modify'],
    ]);
  });

  it('records each refusal, with the caller, in the audit log', async () => {
    const from = await lastAuditId(ctx.t);
    const res = await ctx.t.app.inject({ method: 'PUT', url: `${ROMA}/${device.id}`, headers: { 'x-auth-token': tokens.viewer }, payload: { device_name: 'x1', status: 0 } });
    expect(res.statusCode).toBe(403);
    const [record, ...more] = await auditRecordsAfter(ctx.t, from);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ action: 'device.update', result: 'refused', device_id: device.id, error_code: 'APIGW.0302', request_id: res.headers['x-request-id'] });
    expect(record?.username).toMatch(/^viewer-/);
  });
});
