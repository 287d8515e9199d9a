import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretVault } from '../secrets/secret-vault';
import { addDeviceWithSecret } from '../test-support/device-credentials';
import { addProduct } from '../test-support/fixtures';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { resealStaleSecrets } from './device-secrets';
import type { ProductRow } from './schema';

describe('resealing device secrets after a master key rotation', () => {
  let t: TestApp;
  let product: ProductRow;
  beforeAll(async () => {
    t = await createTestApp();
    product = await addProduct(t.db);
  });
  afterAll(() => t.close());

  it('seals every secret under the new key, and counts those that no key opens', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = { db: t.db, vault: createSecretVault(oldKey) };
    const devices = [await addDeviceWithSecret(before, product, 'secret-a'), await addDeviceWithSecret(before, product, 'secret-b')];
    const stranger = createSecretVault(randomBytes(32));
    await addDeviceWithSecret({ db: t.db, vault: stranger }, product, 'secret-c');

    const rotated = createSecretVault(newKey, [oldKey]);
    const report = await resealStaleSecrets(t.db, rotated);
    expect(report).toEqual({ resealed: 2, unopenable: new Map([[stranger.keyId, 1]]) });

    const onlyNew = createSecretVault(newKey);
    for (const [device, secret] of [[devices[0]!, 'secret-a'], [devices[1]!, 'secret-b']] as const) {
      const row = await t.db.selectFrom('devices').select(['secret_sealed', 'asset_id']).where('id', '=', device.id).executeTakeFirstOrThrow();
      expect(onlyNew.open(row.secret_sealed!, row.asset_id)).toBe(secret);
    }
    expect((await resealStaleSecrets(t.db, rotated)).resealed).toBe(0);
  });
});
