import type { Kysely } from 'kysely';
import type { DialectName } from '../db/dialect';
import type { Database } from '../db/schema';
import { ChangeFeed } from './change-feed';
import { PostgresNotifications, SqliteChangeLog } from './change-source';

/** The feed of the database the service runs on; it reads nothing until `start`, once the schema is migrated. */
export function changeFeedOf(database: { db: Kysely<Database>; dialect: DialectName; databaseUrl?: string | undefined }, onError: (error: unknown) => void): ChangeFeed {
  const source = database.dialect === 'postgres' ? new PostgresNotifications(database.databaseUrl!, onError) : new SqliteChangeLog(database.db);
  return new ChangeFeed(source, onError);
}
