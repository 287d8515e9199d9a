import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savePublicKey } from '../db/public-keys';
import type { ProductRow } from '../db/schema';
import { browserKeyPair, openSecret, spkiPem, type BrowserKeyPair } from '../test-support/browser-crypto';
import { addDeviceWithSecret, canConnect } from '../test-support/device-credentials';
import { addDevice, addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { unchangedBy } from '../test-support/unchanged';
import { replaceDevice, type ReplaceRequest } from './replace-device';
import { testTrail } from '../test-support/audit-trail';

const DEFAULT_WS = { id: 'default', org_id: 'default' };
const OLD_SECRET = 'OldSecretOldSecretOldSecret12345';

describe('replaceDevice (002)', () => {
  let t: TestApp;
  let product: ProductRow;
  let pair: BrowserKeyPair;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
    pair = await browserKeyPair();
    await savePublicKey(t.db, { org_id: 'default', public_key: await spkiPem(pair.publicKey), fingerprint: 'f'.repeat(64), updated_at: 1 });
  });
  afterAll(() => t.close());

  const run = (assetId: string, over: Partial<ReplaceRequest> = {}) =>
    replaceDevice(t, { workspace: DEFAULT_WS, locator: { assetId }, newDeviceKey: 'new-key.1', requireSecret: false, byUser: 'tester', audit: testTrail(), ...over });
  const row = (id: number) => t.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('gives a new key and secret, disconnects, resets to inactive and keeps the assetId', async () => {
    const device = await addDeviceWithSecret(t, product, OLD_SECRET, { connected: 1, online_status: 1 });
    const outcome = await run(device.asset_id, { newDeviceKey: 'replaced-1' });
    expect(outcome).toEqual({ ok: true, deviceId: device.id, result: { assetId: device.asset_id, productKey: product.product_key, deviceKey: 'replaced-1' } });
    const after = await row(device.id);
    expect(after).toMatchObject({ asset_id: device.asset_id, device_key: 'replaced-1', connected: 0, online_status: 0, revision: device.revision + 1 });
    expect(after.secret_sealed).not.toBe(device.secret_sealed);
    expect(await canConnect(t, device, OLD_SECRET)).toBe(false);
  });

  it('seals the new secret for the org key; the opened secret authenticates with the new key only', async () => {
    const device = await addDeviceWithSecret(t, product, OLD_SECRET);
    const outcome = await run(device.asset_id, { newDeviceKey: 'replaced-2', requireSecret: true });
    if (!outcome.ok || !outcome.result.deviceSecret || !outcome.result.sessionKey) throw new Error(`expected a sealed secret, got ${JSON.stringify(outcome)}`);
    const secret = await openSecret(pair.privateKey, { deviceSecret: outcome.result.deviceSecret, sessionKey: outcome.result.sessionKey });
    expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await canConnect(t, device, secret)).toBe(true);
    expect(await canConnect(t, device, OLD_SECRET)).toBe(false);
  });

  it('refuses, changing nothing: unknown device, same key, key taken in the product, no org key', async () => {
    const device = await addDevice(t.db, product);
    const neighbour = await addDevice(t.db, product);
    const refusal = (promise: () => Promise<unknown>) => unchangedBy(t.db, promise);
    expect(await refusal(() => run('no-such-asset'))).toEqual({ ok: false, reason: 'notFound' });
    expect(await refusal(() => run(device.asset_id, { workspace: { id: 'acme', org_id: 'acme-org' } }))).toEqual({ ok: false, reason: 'notFound' });
    expect(await refusal(() => run(device.asset_id, { newDeviceKey: device.device_key }))).toEqual({ ok: false, reason: 'keyRepetitive' });
    expect(await refusal(() => run(device.asset_id, { newDeviceKey: neighbour.device_key }))).toEqual({ ok: false, reason: 'keyExisted' });
    const noKeyOrg = { id: 'default', org_id: 'org-without-key' };
    expect(await refusal(() => run(device.asset_id, { workspace: noKeyOrg, requireSecret: true }))).toEqual({ ok: false, reason: 'noPublicKey' });
  });

  it('lets another product use the same device key', async () => {
    const device = await addDevice(t.db, product);
    const elsewhere = await addDevice(t.db, await addProduct(t.db));
    expect(await run(device.asset_id, { newDeviceKey: elsewhere.device_key })).toMatchObject({ ok: true });
  });

  it('answers keyExisted to the loser when two replaces race for one key', async () => {
    const [a, b] = [await addDevice(t.db, product), await addDevice(t.db, product)];
    const outcomes = await Promise.all([run(a.asset_id, { newDeviceKey: 'contested' }), run(b.asset_id, { newDeviceKey: 'contested' })]);
    expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
    expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, reason: 'keyExisted' });
  });
});
