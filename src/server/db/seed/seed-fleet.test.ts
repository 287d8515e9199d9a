import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canConnect, iotdaId } from '../../test-support/device-credentials';
import { addDevice } from '../../test-support/fixtures';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { seedDemoFleetOnce } from './seed-fleet';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const countDevices = async (workspaceId: string) =>
  (await t.db.selectFrom('devices').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n;

describe('seeding the demo fleet', () => {
  it('stores the fleet in batches, with tags and sealed secrets, only once; the provisioned secrets admit their devices', async () => {
    const provisioned = new Map<string, string>();
    // More than two statements' worth, so batching and the last partial batch both run.
    const seed = () => seedDemoFleetOnce(t.db, t.dialect, { count: 1_234, vault: t.vault, credentials: (id, secret) => provisioned.set(id, secret) });
    expect(await seed()).toBe(1_234);
    const subDevices = await t.db.selectFrom('devices').select('id').where('node_type', '=', 2).execute();
    expect(subDevices.length).toBeGreaterThan(0);
    expect(provisioned.size).toBe(1_234 - subDevices.length);
    expect(Number(await countDevices('default'))).toBe(1_234);
    const tagged = await t.db.selectFrom('device_tags').select('device_id').distinct().execute();
    expect(tagged.length).toBeGreaterThan(600);
    const device = await t.db.selectFrom('devices').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(device.secret_sealed).toMatch(new RegExp(`^v1\\.${t.vault.keyId}\\.`));
    const direct = await t.db.selectFrom('devices').selectAll().where('node_type', '!=', 2).where('status', '=', 0).where('frozen', '=', 0).orderBy('id').executeTakeFirstOrThrow();
    const secret = provisioned.get(iotdaId(direct))!;
    expect(JSON.stringify(direct)).not.toContain(secret);
    expect(await canConnect(t, direct, secret)).toBe(true);

    expect(await seed()).toBe(0);
    expect(Number(await countDevices('default'))).toBe(1_234);
  });

  it('leaves the id sequence ahead of the seeded ids, so new devices get fresh ids', async () => {
    const product = await t.db.selectFrom('products').selectAll().where('id', '=', 10001).executeTakeFirstOrThrow();
    const added = await addDevice(t.db, product);
    const { maxId } = await t.db.selectFrom('devices').select((eb) => eb.fn.max('id').as('maxId')).executeTakeFirstOrThrow();
    expect(added.id).toBe(Number(maxId));
    expect(added.id).toBeGreaterThan(1_234);
  });

  it('keeps every sub-device pointing at a stored gateway', async () => {
    const orphans = await t.db
      .selectFrom('devices as sub')
      .leftJoin('devices as gw', 'gw.id', 'sub.parent_device_id')
      .select('sub.id')
      .where('sub.node_type', '=', 2)
      .where((eb) => eb.or([eb('gw.id', 'is', null), eb('gw.node_type', '!=', 1)]))
      .execute();
    expect(orphans).toEqual([]);
  });
});
