import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretVault } from '../secrets/secret-vault';
import { addDeviceWithSecret } from '../test-support/device-credentials';
import { resealStaleSecrets } from './device-secrets';
import { useAppWithProduct } from '../test-support/app-with-product';

describe('resealing device secrets after a master key rotation', () => {
  const app = useAppWithProduct();

  it('seals every secret under the new key, and counts those that no key opens', async () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = { db: app.t.db, vault: createSecretVault(oldKey) };
    const devices = [await addDeviceWithSecret(before, app.product, 'secret-a'), await addDeviceWithSecret(before, app.product, 'secret-b')];
    const stranger = createSecretVault(randomBytes(32));
    await addDeviceWithSecret({ db: app.t.db, vault: stranger }, app.product, 'secret-c');

    const rotated = createSecretVault(newKey, [oldKey]);
    const report = await resealStaleSecrets(app.t.db, rotated);
    expect(report).toEqual({ resealed: 2, unopenable: new Map([[stranger.keyId, 1]]) });

    const onlyNew = createSecretVault(newKey);
    for (const [device, secret] of [[devices[0]!, 'secret-a'], [devices[1]!, 'secret-b']] as const) {
      const row = await app.t.db.selectFrom('devices').select(['secret_sealed', 'asset_id']).where('id', '=', device.id).executeTakeFirstOrThrow();
      expect(onlyNew.open(row.secret_sealed!, row.asset_id)).toBe(secret);
    }
    expect((await resealStaleSecrets(app.t.db, rotated)).resealed).toBe(0);
  });
});
