import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DeviceLocator } from '@/contracts/enos';
import { findDeviceByIotdaId, findDeviceByLocator } from '../db/device-lookup';
import type { Database } from '../db/schema';
import type { ApiFailure } from '../errors';
import { writeAuditRecords, type Actor, type AuditEntry } from './audit-trail';

type Named = Pick<AuditEntry, 'deviceId' | 'target'> & { locator?: DeviceLocator; iotdaId?: string };
type Bag = Record<string, unknown> | undefined;
const bag = (value: unknown): Bag => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 256) : undefined);

// A bulk call names at most 1,000 devices (004); a longer list was refused as such and is recorded as one call.
const MAX_NAMED = 1_000;

/** What a refused call named: each device of a bulk call, else the one device, task, user or key its path or query names. */
function namedBy(request: FastifyRequest): Named[] {
  const params = bag(request.params);
  const query = bag(request.query);
  const body = bag(request.body);
  const ids = body?.device_ids;
  if (Array.isArray(ids) && ids.length > 0 && ids.length <= MAX_NAMED) {
    return ids.map((id) => (Number.isSafeInteger(id) ? { deviceId: id as number } : { target: String(id).slice(0, 256) }));
  }
  const device = text(params?.device_id);
  if (device !== undefined) return [/^\d{1,15}$/.test(device) ? { deviceId: Number(device) } : { target: device, iotdaId: device }];
  const assetId = text(query?.assetId) ?? text(body?.assetId);
  if (assetId !== undefined) return [{ target: `assetId ${assetId}`, locator: { assetId } }];
  const deviceKey = text(query?.deviceKey) ?? text(body?.deviceKey);
  const productKey = text(query?.productKey) ?? text(body?.productKey);
  if (deviceKey !== undefined) return [{ target: `productKey ${productKey ?? ''} deviceKey ${deviceKey}`, locator: { productKey, deviceKey } }];
  const named = text(params?.task_id) ?? text(params?.username) ?? text(body?.username) ?? text(params?.orgId);
  return [{ target: named ?? null }];
}

/** The device a refused call named by another document's identity, so that it shows in the device's history too. */
async function resolved(db: Kysely<Database>, workspaceId: string, named: Named): Promise<Named> {
  const { locator, iotdaId, ...rest } = named;
  const found = iotdaId ? await findDeviceByIotdaId(db, workspaceId, iotdaId) : locator ? await findDeviceByLocator(db, workspaceId, locator) : undefined;
  return found ? { ...rest, deviceId: found.id } : rest;
}

/** A caller with no session still names a workspace by its path or query; the refusal is filed there. */
async function anonymousActor(db: Kysely<Database>, request: FastifyRequest): Promise<Actor | undefined> {
  const params = bag(request.params);
  const project = text(params?.project_id);
  const org = text(params?.orgId) ?? text(bag(request.query)?.orgId);
  if (project === undefined && org === undefined) return undefined;
  const workspace = await db
    .selectFrom('workspaces')
    .select('id')
    .$if(project !== undefined, (q) => q.where('project_id', '=', project ?? ''))
    .$if(project === undefined, (q) => q.where('org_id', '=', org ?? ''))
    .executeTakeFirst();
  return workspace && { workspaceId: workspace.id, username: null, requestId: request.id, clientIp: request.ip, runId: null };
}

/**
 * Records a refused change (DESIGN.md "Operators": every change, refused or done): role,
 * token, rule or input refusals of a route that declares what it changes, unless the call
 * already wrote its records. A call with neither session nor workspace is only in the log.
 */
export async function recordRefusal(db: Kysely<Database>, request: FastifyRequest, failure: ApiFailure): Promise<void> {
  const declared = request.routeOptions.config.audit;
  const action = typeof declared === 'function' ? declared(request) : declared;
  if (!action) return;
  const trail = request.audit as FastifyRequest['audit'] | undefined;
  if (trail?.written) return;
  const actor = trail?.actor ?? (await anonymousActor(db, request));
  if (!actor) return;
  const named = await Promise.all(namedBy(request).map((n) => resolved(db, actor.workspaceId, n)));
  const entries = named.map((named): AuditEntry => ({
    action,
    result: 'refused',
    ...named,
    errorCode: failure.code,
    errorMsg: failure.message,
  }));
  await writeAuditRecords(db, actor, entries);
}
