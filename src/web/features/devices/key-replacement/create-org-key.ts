import { registerOrgPublicKey } from '@/web/api/org-public-key';
import { exportPublicKeyPem, generateOrgKeyPair, publicKeyFingerprint } from '@/web/features/devices/key-replacement/org-key';
import { saveOrgKey, type StoredOrgKey } from '@/web/features/devices/key-replacement/org-key-store';

/**
 * Makes the organisation's key pair here, keeps the private half in this browser and registers
 * the public half. Saved before registering: a failed registration leaves only an unused key in
 * this browser, whereas the other order could register a key whose private half was never kept.
 */
export async function createOrgKey(orgId: string): Promise<StoredOrgKey> {
  const pair = await generateOrgKeyPair();
  const publicKeyPem = await exportPublicKeyPem(pair.publicKey);
  const stored: StoredOrgKey = { orgId, privateKey: pair.privateKey, publicKeyPem, fingerprint: await publicKeyFingerprint(publicKeyPem), createdAt: Date.now() };
  await saveOrgKey(stored);
  await registerOrgPublicKey(publicKeyPem);
  return stored;
}
