import type { Kysely } from 'kysely';
import type { SecretVault } from '../secrets/secret-vault';
import type { Database } from './schema';

const BATCH = 1_000;

export interface ResealReport {
  /** Secrets sealed again under the current master key. */
  resealed: number;
  /** Key ids of secrets that no key of the vault opens, with how many each. */
  unopenable: Map<string, number>;
}

/**
 * After a master key rotation: seals every secret still under a previous key under the current
 * one, a batch per transaction, so a stop half-way loses nothing and the next start goes on.
 */
export async function resealStaleSecrets(db: Kysely<Database>, vault: SecretVault): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unopenable: new Map() };
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('devices')
      .select(['id', 'asset_id', 'secret_sealed'])
      .where('id', '>', after)
      .where('secret_sealed', 'is not', null)
      .where('secret_sealed', 'not like', `v1.${vault.keyId}.%`)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return report;
    after = rows.at(-1)!.id;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const secret = vault.open(row.secret_sealed!, row.asset_id);
        if (secret === undefined) {
          const keyId = vault.keyIdOf(row.secret_sealed!) ?? 'unknown';
          report.unopenable.set(keyId, (report.unopenable.get(keyId) ?? 0) + 1);
          continue;
        }
        await trx.updateTable('devices').set({ secret_sealed: vault.seal(secret, row.asset_id) }).where('id', '=', row.id).execute();
        report.resealed++;
      }
    });
  }
}
