import type { Kysely, Transaction } from 'kysely';
import type { Database, OrgPublicKeysTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findPublicKey(db: Db, orgId: string): Promise<OrgPublicKeysTable | undefined> {
  return db.selectFrom('org_public_keys').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

/** One key per organisation: registering again replaces it (an upsert both dialects speak). */
export async function savePublicKey(db: Db, key: OrgPublicKeysTable): Promise<void> {
  await db
    .insertInto('org_public_keys')
    .values(key)
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ public_key: key.public_key, fingerprint: key.fingerprint, updated_at: key.updated_at }))
    .execute();
}
