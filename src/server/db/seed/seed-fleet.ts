import { setImmediate } from 'node:timers/promises';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { generateDeviceSecret } from '@/server/domain/device-secret';
import type { SecretVault } from '@/server/secrets/secret-vault';
import { DEFAULT_WORKSPACE } from '../bootstrap';
import type { DialectName } from '../dialect';
import type { Database, DeviceTagsTable, NewDeviceRow } from '../schema';
import { DEMO_PRODUCTS } from './catalog';
import { demoFleet } from './fleet';
import { holdBackForLoad } from './hold-back';
import { pooledRandomBytes } from './random-pool';
import { copyRows } from './copy-rows';

/** SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535: batches stay under the lower. */
export const MAX_PARAMS_PER_STATEMENT = 32_766;
/** A device row binds 35 parameters, so 500 rows take about 17,500 (a test keeps this true). */
export const DEVICES_PER_STATEMENT = 500;

/** Where each demo device's credentials go, as a provisioning file would carry them to the devices. */
export type CredentialSink = (iotdaDeviceId: string, secret: string) => void;

export interface SeedOptions {
  count: number;
  vault: SecretVault;
  /** Told each device's secret, which the database keeps only sealed. */
  credentials?: CredentialSink;
  now?: number;
  seed?: number;
}

/**
 * Seeds the demo fleet into the demo workspace if it has no device yet, in one transaction.
 * Returns the number of devices inserted: 0 when the workspace already had some.
 */
export async function seedDemoFleetOnce(db: Kysely<Database>, dialect: DialectName, options: SeedOptions): Promise<number> {
  const workspaceId = DEFAULT_WORKSPACE.id;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('devices').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
    if (existing || options.count === 0) return 0;

    await trx
      .insertInto('products')
      .values(DEMO_PRODUCTS.map((p) => ({ ...p.row, workspace_id: workspaceId })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();

    const { maxId } = await trx.selectFrom('devices').select((eb) => eb.fn.max('id').as('maxId')).executeTakeFirstOrThrow();
    const firstId = Number(maxId ?? 0) + 1;
    const fleet = demoFleet({ count: options.count, firstId, now: options.now ?? Date.now(), seed: options.seed });

    const held = await holdBackForLoad(trx, dialect);
    // Another replica may have seeded while this one waited for the tables.
    if (!held && (await trx.selectFrom('devices').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst())) return 0;
    const insertBatch = dialect === 'postgres' ? copyBatch : rowsInsert();
    const perStatement = dialect === 'postgres' ? ROWS_PER_COPY : DEVICES_PER_STATEMENT;
    // PostgreSQL stores a batch while the next is made (secrets and sealing are most of that): each
    // batch is sent, given a turn to leave, then not waited for until the next is ready.
    let inFlight: Promise<void> = Promise.resolve();
    const send = async (batch: NewDeviceRow[], batchTags: DeviceTagsTable[]) => {
      await inFlight;
      inFlight = insertBatch(trx, batch, batchTags);
      // Awaited by the next send; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
      await setImmediate();
    };
    const random = pooledRandomBytes();
    let devices: NewDeviceRow[] = [];
    let tags: DeviceTagsTable[] = [];
    for (const device of fleet) {
      const secret = generateDeviceSecret(random);
      devices.push({ ...device.row, workspace_id: workspaceId, secret_sealed: options.vault.seal(secret, device.row.asset_id) });
      // A sub-device reaches the platform through its gateway: it is given no MQTT credentials of its own.
      if (device.row.node_type !== 2) options.credentials?.(`${device.row.product_id}_${device.row.node_id}`, secret);
      for (const tag of device.tags) tags.push({ device_id: device.row.id, tag });
      if (devices.length === perStatement) {
        await send(devices, tags);
        devices = [];
        tags = [];
      }
    }
    await send(devices, tags);
    await inFlight;
    await held?.restore();

    if (dialect === 'postgres') {
      // Explicit ids do not advance PostgreSQL's sequence; later inserts would collide without this.
      await sql`SELECT setval(pg_get_serial_sequence('devices', 'id'), (SELECT MAX(id) FROM devices))`.execute(trx);
      // Fresh statistics, so the first list queries are planned for 100,000 rows rather than an empty table.
      await sql`ANALYZE devices, device_tags`.execute(trx);
    }
    return options.count;
  });
}

type InsertBatch = (trx: Transaction<Database>, devices: NewDeviceRow[], tags: DeviceTagsTable[]) => Promise<void>;

/**
 * SQLite: the INSERT of each batch size is written once and kept prepared (prepared-statements.ts);
 * each batch only binds its values. Building and compiling the query of 17,500 values through the
 * query builder cost more than SQLite storing the rows.
 */
function rowsInsert(): InsertBatch {
  const texts = new Map<string, string>();
  /** `INSERT INTO table (columns of the first row) VALUES (?, …), …` for these rows, with their values in that order. */
  const insert = (table: string, rows: readonly object[]): CompiledQuery => {
    const columns = Object.keys(rows[0]!);
    const key = `${table} ${rows.length} ${columns.join(',')}`;
    let text = texts.get(key);
    if (text === undefined) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: rows.length }, () => row).join(', ')}`;
      texts.set(key, text);
    }
    const values: unknown[] = [];
    for (const r of rows as ReadonlyArray<Record<string, unknown>>) for (const c of columns) values.push(r[c] ?? null);
    return CompiledQuery.raw(text, values);
  };
  return async (trx, devices, tags) => {
    if (devices.length === 0) return;
    await trx.executeQuery(insert('devices', devices));
    // Two parameters a tag row; a batch of devices carries at most three tags each, far under the limit.
    if (tags.length > 0) await trx.executeQuery(insert('device_tags', tags));
  };
}

/** PostgreSQL: rows a COPY. */
const ROWS_PER_COPY = 5_000;

/**
 * PostgreSQL: each batch with `COPY … FROM STDIN` (copy-rows.ts), its tags with another. Against
 * `INSERT … SELECT * FROM unnest(…)` of one array parameter a column, at 1,000,000 devices:
 * loading 34-41 s -> 24 s; neither pg's array literals to build on this side, nor arrays to parse
 * and unnest on the server's.
 */
const copyBatch: InsertBatch = async (trx, devices, tags) => {
  await copyRows(trx, 'devices', devices);
  await copyRows(trx, 'device_tags', tags);
};
