import type { DeviceLocator, DeviceReplaceResult } from '@/contracts/enos';
import { findDeviceByLocator, isDeviceKeyTaken, isUniqueViolation, lockDevice, updateDeviceState } from '../db/device-lookup';
import { findPublicKey } from '../db/public-keys';
import { changedFields, type AuditTrail } from '../audit/audit-trail';
import type { WorkspaceRow } from '../db/schema';
import type { AppDeps } from '../deps';
import { generateDeviceSecret } from './device-secret';
import { sealSecret } from './secret-envelope';

export type ReplaceRefusal = 'notFound' | 'keyRepetitive' | 'keyExisted' | 'noPublicKey';
export type ReplaceOutcome = { ok: true; deviceId: number; result: DeviceReplaceResult } | { ok: false; reason: ReplaceRefusal };

export interface ReplaceRequest {
  workspace: Pick<WorkspaceRow, 'id' | 'org_id'>;
  locator: DeviceLocator;
  newDeviceKey: string;
  requireSecret: boolean;
  byUser: string;
  audit: AuditTrail;
}

const refuse = (reason: ReplaceRefusal): ReplaceOutcome => ({ ok: false, reason });

/**
 * 002: a new deviceKey and a new secret for the same assetId; the old credentials stop working
 * and the device is disconnected and reset to inactive. The secret leaves this function only
 * sealed for the org's public key, and only when `requireSecret` asks for it.
 */
export async function replaceDevice(store: Pick<AppDeps, 'db' | 'dialect' | 'vault'>, request: ReplaceRequest): Promise<ReplaceOutcome> {
  const { workspace, newDeviceKey, requireSecret } = request;
  try {
    return await store.db.transaction().execute(async (trx) => {
      const found = await findDeviceByLocator(trx, workspace.id, request.locator);
      const device = found && (await lockDevice(trx, store.dialect, found.id));
      if (!device) return refuse('notFound');
      if (device.device_key === newDeviceKey) return refuse('keyRepetitive');
      if (await isDeviceKeyTaken(trx, device.product_id, newDeviceKey)) return refuse('keyExisted');
      const publicKey = requireSecret ? await findPublicKey(trx, workspace.org_id) : undefined;
      if (requireSecret && !publicKey) return refuse('noPublicKey');
      const product = await trx.selectFrom('products').select('product_key').where('id', '=', device.product_id).executeTakeFirstOrThrow();

      const secret = generateDeviceSecret();
      // Sealed before the write, so a failure here rolls back and leaves the old credentials working.
      const sealed = publicKey ? sealSecret(secret, publicKey.public_key) : undefined;
      await updateDeviceState(
        trx,
        device.id,
        { device_key: newDeviceKey, secret_sealed: store.vault.seal(secret, device.asset_id), connected: 0, online_status: 0 },
        request.byUser,
      );
      // The key's before and after, and the connection it ended; never the secret.
      const recorded = { device_key: newDeviceKey, connected: 0, online_status: 0 };
      await request.audit.record(trx, [{ action: 'device.replaceKey', deviceId: device.id, ...changedFields(device, recorded) }]);
      return { ok: true, deviceId: device.id, result: { assetId: device.asset_id, productKey: product.product_key, deviceKey: newDeviceKey, ...sealed } };
    });
  } catch (error) {
    // Another replace took the key between our check and our write: the unique constraint decides.
    if (isUniqueViolation(error)) {
      request.audit.rolledBack();
      return refuse('keyExisted');
    }
    throw error;
  }
}
