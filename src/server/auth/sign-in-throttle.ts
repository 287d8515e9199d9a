import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Failures counted together: a quiet quarter of an hour starts the count again. */
const WINDOW_MS = 15 * 60_000;
/** Failures in a window after which one username, or one client address (which tries many names), waits. */
const USER_LIMIT = 5;
const ADDRESS_LIMIT = 20;
/** The first wait once over the limit; each further failure doubles it, up to the window. */
const FIRST_BLOCK_MS = 30_000;

export interface SignInKeys {
  username: string;
  address: string;
}

const keysOf = ({ username, address }: SignInKeys) => [
  { key: `user:${username}`, limit: USER_LIMIT },
  { key: `address:${address}`, limit: ADDRESS_LIMIT },
];

/**
 * Seconds until a sign-in as `keys` may be tried again, or undefined when it may now. Asked before
 * the password is checked, and answered the same for a name that exists and one that does not.
 */
export async function signInWait(db: Kysely<Database>, keys: SignInKeys, now: number): Promise<number | undefined> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('blocked_until')
    .where(
      'key',
      'in',
      keysOf(keys).map((k) => k.key),
    )
    .where('blocked_until', '>', now)
    .execute();
  const until = Math.max(0, ...rows.map((row) => Number(row.blocked_until)));
  return until > now ? Math.ceil((until - now) / 1000) : undefined;
}

/** Counts a failed sign-in against the name and the address, and blocks either once over its limit. */
export async function noteSignInFailure(db: Kysely<Database>, keys: SignInKeys, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { key, limit } of keysOf(keys)) {
      // One statement, so failures at once on several replicas are each counted.
      const { failures } = await trx
        .insertInto('sign_in_failures')
        .values({ key, failures: 1, first_at: now, blocked_until: 0 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            failures: eb.case().when('sign_in_failures.first_at', '<', now - WINDOW_MS).then(1).else(eb('sign_in_failures.failures', '+', 1)).end(),
            first_at: eb.case().when('sign_in_failures.first_at', '<', now - WINDOW_MS).then(now).else(eb.ref('sign_in_failures.first_at')).end(),
          })),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      if (failures < limit) continue;
      const wait = Math.min(WINDOW_MS, FIRST_BLOCK_MS * 2 ** (failures - limit));
      await trx.updateTable('sign_in_failures').set({ blocked_until: now + wait }).where('key', '=', key).execute();
    }
  });
}

/** A right password ends the name's count; the address's stays, or one account of its own would reset it. */
export async function clearSignInFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', `user:${username}`).execute();
}
