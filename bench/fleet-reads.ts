import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { latestListChange } from '@/server/db/list-changes';
import type { Database } from '@/server/db/schema';
import { SQLITE_FILE } from './paths';
import type { Service } from './service';

/** The database a service runs on, opened beside it for one read: read-only on SQLite, so the bench never writes the service's file. */
export async function readBeside<T>(service: Service, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const dialect = service.databaseUrl
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: service.databaseUrl, max: 1 }) })
    : new SqliteDialect({ database: new SQLite(path.join(service.dataDir, SQLITE_FILE), { readonly: true }) });
  const db = new Kysely<Database>({ dialect });
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

/** A count of device-row writes under way; `stop` ends it and says how many there were. */
export interface WriteCount {
  stop: () => Promise<number>;
}

/**
 * Counts the writes of the devices' listed columns from now on, as the service's change streams
 * learn of them: SQLite's change log numbers each; PostgreSQL's triggers notify each at commit
 * (a transaction's repeats for one device once).
 * (PostgreSQL's statistics count row writes too, but each connection reports them up to 10 s late.)
 */
export async function countRowWrites(service: Service): Promise<WriteCount> {
  if (!service.databaseUrl) {
    const before = await readBeside(service, latestListChange);
    return { stop: async () => (await readBeside(service, latestListChange)) - before };
  }
  const client = new pg.Client({ connectionString: service.databaseUrl });
  await client.connect();
  let writes = 0;
  client.on('notification', () => writes++);
  await client.query('LISTEN device_changes');
  return {
    stop: async () => {
      const counted = writes;
      await client.end();
      return counted;
    },
  };
}
