import { describe, expect, it } from 'vitest';
import { decryptDeviceSecret } from '@/web/features/devices/key-replacement/decrypt-secret';
import { exportPublicKeyPem, generateOrgKeyPair, publicKeyFingerprint } from '@/web/features/devices/key-replacement/org-key';
import { addDeviceWithSecret, canConnect } from '@/server/test-support/device-credentials';
import { addProduct } from '@/server/test-support/fixtures';
import { createTestApp } from '@/server/test-support/test-app';

/**
 * The console's own WebCrypto code opens what the service's own sealing code produced: both
 * production paths, meeting only through the HTTP API, with no re-implementation in between.
 */
describe('secret round trip: service seals, console opens', () => {
  it('reveals a secret that authenticates the device under its new key', async () => {
    const t = await createTestApp();
    try {
      const token = await t.token();
      const headers = { 'x-auth-token': token };
      const keys = await generateOrgKeyPair();
      const pem = await exportPublicKeyPem(keys.publicKey);

      const put = await t.app.inject({ method: 'PUT', url: '/console/v1/orgs/default/public-key', headers, payload: { publicKey: pem } });
      expect(put.statusCode).toBe(204);
      const got = await t.app.inject({ method: 'GET', url: '/console/v1/orgs/default/public-key', headers });
      expect(got.json().fingerprint).toBe(await publicKeyFingerprint(pem));

      const product = await addProduct(t.db);
      const device = await addDeviceWithSecret(t, product, 'OldSecretOldSecretOldSecret12345', { connected: 1, online_status: 1 });
      const res = await t.app.inject({
        method: 'POST',
        url: `/connect-service/v2.4/devices?action=replaceDevice&orgId=default&assetId=${device.asset_id}`,
        headers,
        payload: { newDeviceKey: 'replaced-key-01', requireSecret: true },
      });
      const body = res.json();
      expect(body.code).toBe(0);

      const secret = await decryptDeviceSecret(keys.privateKey, body.data);
      expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(await canConnect(t, device, secret)).toBe(true);
      expect(await canConnect(t, device, 'OldSecretOldSecretOldSecret12345')).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('refuses to open an envelope sealed for another key', async () => {
    const [mine, theirs] = await Promise.all([generateOrgKeyPair(), generateOrgKeyPair()]);
    const { sealSecret } = await import('@/server/domain/secret-envelope');
    const sealed = sealSecret('A'.repeat(32), await exportPublicKeyPem(theirs.publicKey));
    await expect(decryptDeviceSecret(mine.privateKey, sealed)).rejects.toThrow();
  });
});
