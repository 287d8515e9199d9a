import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction } from '@/contracts/operators';
import type { DeviceRow } from '../db/schema';
import { useAppWithProduct } from '../test-support/app-with-product';
import { batchTaskCalls } from '../test-support/batch-task-calls';
import { browserKeyPair, spkiPem } from '../test-support/browser-crypto';
import { iotdaId } from '../test-support/device-credentials';
import { addDevice } from '../test-support/fixtures';
import { apiRoutes, auditRecordsAfter, lastAuditId, signedInAs } from '../test-support/operators';

const ROMA = '/v2/default/link/instances/default/devices';

interface Change {
  action: AuditAction;
  /** A call that succeeds; made anew for each use. */
  send: () => Promise<InjectOptions>;
  /** The devices it names: one record each. Empty: a change of no device, one record. */
  devices: () => number[];
}

describe('the audit log holds one record per device for every change, done or refused', () => {
  const ctx = useAppWithProduct();
  const admin = { token: '', username: '' };
  let viewer = '';
  let pem = '';
  const fresh = () => addDevice(ctx.t.db, ctx.product);
  let named: DeviceRow[] = [];
  const tasks = batchTaskCalls(() => ctx.t, () => admin.token);
  const waitingTask = async () => (await tasks.created({ task_name: 'held', task_type: 'freezeDevices', targets: [iotdaId(await fresh())] })).task_id;

  /** Every mutating route, by `METHOD url`, with a call that makes its change: a route missing here fails the first test. */
  const CHANGES: Record<string, Change[]> = {
    'DELETE /v3/auth/tokens': [{ action: 'token.revoke', devices: () => [], send: async () => ({ method: 'DELETE', url: '/v3/auth/tokens', headers: { 'x-subject-token': (await signedInAs(ctx.t, 'viewer')).token } }) }],
    'PUT /v2/:project_id/link/instances/:instance_id/devices/:device_id': [
      { action: 'device.update', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh()]; return { method: 'PUT', url: `${ROMA}/${named[0]!.id}`, payload: { device_name: 'renamed-1', status: 0 } }; } },
    ],
    'POST /v2/:project_id/link/instances/:instance_id/devices/force-offline': [
      { action: 'device.forceOffline', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh(), await fresh(), await fresh()]; return { method: 'POST', url: `${ROMA}/force-offline`, payload: { device_ids: named.map((d) => d.id) } }; } },
    ],
    'POST /connect-service/v2.4/devices': [
      { action: 'device.modifyStatus', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh()]; return { method: 'POST', url: '/connect-service/v2.4/devices?action=modifyDeviceStatus&orgId=default', payload: { assetId: named[0]!.asset_id, status: 'online' } }; } },
      { action: 'device.replaceKey', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh()]; return { method: 'POST', url: `/connect-service/v2.4/devices?action=replaceDevice&orgId=default&assetId=${named[0]!.asset_id}`, payload: { newDeviceKey: `new-${named[0]!.device_key}` } }; } },
    ],
    'POST /v5/iot/:project_id/devices/:device_id/freeze': [
      { action: 'device.freeze', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh()]; return { method: 'POST', url: `/v5/iot/default/devices/${iotdaId(named[0]!)}/freeze` }; } },
    ],
    'POST /v5/iot/:project_id/devices/:device_id/unfreeze': [
      { action: 'device.unfreeze', devices: () => named.map((d) => d.id), send: async () => { named = [await fresh()]; return { method: 'POST', url: `/v5/iot/default/devices/${iotdaId(named[0]!)}/unfreeze` }; } },
    ],
    'POST /v5/iot/:project_id/batchtasks': [
      { action: 'task.create', devices: () => [], send: async () => ({ method: 'POST', url: '/v5/iot/default/batchtasks', payload: { task_name: 'audit', task_type: 'freezeDevices', targets: [iotdaId(await fresh())] } }) },
    ],
    'POST /v5/iot/:project_id/batchtasks/:task_id/stop': [{ action: 'task.stop', devices: () => [], send: async () => ({ method: 'POST', url: `/v5/iot/default/batchtasks/${await waitingTask()}/stop`, payload: {} }) }],
    'POST /v5/iot/:project_id/batchtasks/:task_id/retry': [
      {
        action: 'task.retry',
        devices: () => [],
        send: async () => {
          // A sub-device cannot be frozen: the run fails, and a failed subtask can be retried.
          const taskId = (await tasks.created({ task_name: 'fails', task_type: 'freezeDevices', targets: [iotdaId(await addDevice(ctx.t.db, ctx.product, { node_type: 2 }))] })).task_id;
          await tasks.runAll();
          return { method: 'POST', url: `/v5/iot/default/batchtasks/${taskId}/retry`, payload: {} };
        },
      },
    ],
    'PUT /console/v1/orgs/:orgId/public-key': [{ action: 'orgKey.set', devices: () => [], send: async () => ({ method: 'PUT', url: '/console/v1/orgs/default/public-key', payload: { publicKey: pem } }) }],
    'POST /console/v1/users': [{ action: 'user.create', devices: () => [], send: async () => ({ method: 'POST', url: '/console/v1/users', payload: { username: `new-${Date.now()}-${Math.random()}`.slice(0, 30).replace(/[^\w.-]/g, ''), password: 'long enough password', role: 'viewer' } }) }],
    'PATCH /console/v1/users/:username': [{ action: 'user.update', devices: () => [], send: async () => ({ method: 'PATCH', url: `/console/v1/users/${(await signedInAs(ctx.t, 'viewer')).username}`, payload: { role: 'operator' } }) }],
    'PUT /console/v1/users/:username/password': [
      { action: 'user.setPassword', devices: () => [], send: async () => ({ method: 'PUT', url: `/console/v1/users/${(await signedInAs(ctx.t, 'viewer')).username}/password`, payload: { password: 'another long password' } }) },
    ],
  };
  const all = Object.values(CHANGES).flat();

  beforeAll(async () => {
    Object.assign(admin, await signedInAs(ctx.t, 'admin'));
    viewer = (await signedInAs(ctx.t, 'viewer')).token;
    pem = await spkiPem((await browserKeyPair()).publicKey);
  });

  it('knows a change for every route that is not a read, and each such route says what it changes', async () => {
    const mutating = (await apiRoutes(ctx.t)).filter((route) => route.method !== 'GET' && !route.public);
    expect(mutating.filter((route) => !CHANGES[`${route.method} ${route.url}`]).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(mutating.filter((route) => !route.audited).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it.each(all.map((change) => [change.action, change] as const))('%s done: one record per device, in the caller\'s name', async (action, change) => {
    const sent = await change.send();
    const from = await lastAuditId(ctx.t);
    const res = await ctx.t.app.inject({ ...sent, headers: { ...sent.headers, 'x-auth-token': admin.token } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    if (sent.url?.toString().startsWith('/connect-service')) expect(res.json<{ code: number }>().code).toBe(0);
    const records = await auditRecordsAfter(ctx.t, from);
    const devices = change.devices();
    expect(records.map((r) => [r.action, r.result, r.username, r.request_id])).toEqual(
      Array.from({ length: Math.max(devices.length, 1) }, () => [action, 'success', admin.username, res.headers['x-request-id']]),
    );
    expect(records.map((r) => (r.device_id === null ? null : Number(r.device_id))).sort()).toEqual(devices.length > 0 ? [...devices].sort() : [null]);
    // Never a secret: a key replacement records the key, not what was sealed.
    for (const r of records) expect(`${r.before}${r.after}`).not.toMatch(/secret|password/i);
  });

  it.each(all.map((change) => [change.action, change] as const))('%s refused: one refused record per device, nothing else', async (action, change) => {
    const sent = await change.send();
    const from = await lastAuditId(ctx.t);
    const res = await ctx.t.app.inject({ ...sent, headers: { ...sent.headers, 'x-auth-token': viewer } });
    expect(res.statusCode).toBe(403);
    const records = await auditRecordsAfter(ctx.t, from);
    expect(records.map((r) => [r.action, r.result])).toEqual(Array.from({ length: Math.max(change.devices().length, 1) }, () => [action, 'refused']));
  });

  it('records each device a batch task changes, under the task\'s id, in the name of who created it', async () => {
    const devices = [await fresh(), await fresh()];
    const task = await tasks.created({ task_name: 'run', task_type: 'freezeDevices', targets: devices.map(iotdaId) });
    const from = await lastAuditId(ctx.t);
    await tasks.runAll();
    // Tasks left waiting by the tests above run too, each under its own id.
    const records = (await auditRecordsAfter(ctx.t, from)).filter((r) => r.run_id === task.task_id);
    expect(records.map((r) => [r.action, r.result, Number(r.device_id), r.run_id, r.username, r.after])).toEqual(
      devices.map((d) => ['device.freeze', 'success', d.id, task.task_id, admin.username, JSON.stringify({ frozen: 1 })]),
    );
  });

  it('records a forged token\'s attempt in the workspace it named, with no user', async () => {
    const device = await fresh();
    const from = await lastAuditId(ctx.t);
    const res = await ctx.t.app.inject({ method: 'POST', url: `/v5/iot/default/devices/${iotdaId(device)}/freeze`, headers: { 'x-auth-token': 'forged' } });
    expect(res.statusCode).toBe(401);
    const records = await auditRecordsAfter(ctx.t, from);
    // Named by its IoTDA id, the device is found, so the attempt shows in its own history too.
    expect(records.map((r) => [r.workspace_id, r.username, r.action, r.result, r.target, Number(r.device_id)])).toEqual([['default', null, 'device.freeze', 'refused', iotdaId(device), device.id]]);
  });
});
