import type { Kysely } from 'kysely';
import type { DialectName } from './db/connect';
import type { Database } from './db/schema';

/** What every route needs, passed in so tests can build the app on any database. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  tokenTtlSeconds: number;
}
