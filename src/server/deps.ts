import type { Kysely } from 'kysely';
import type { DataVersion } from './cache/versioned-cache';
import type { DialectName } from './db/dialect';
import type { DeviceListIndex } from './db/device-list/device-list-index';
import type { ChangeFeed } from './events/change-feed';
import type { Database } from './db/schema';
import type { EndReason } from './gateway/end-reasons';
import type { SecretVault } from './secrets/secret-vault';

/** The live MQTT sessions of this process (gateway/), where the gateway runs. */
export interface LiveSessions {
  isLive(deviceId: number): boolean;
  /** Ends the devices' sessions; resolves once each socket is closed and its end is written, with the ids that had one. */
  end(deviceIds: Iterable<number>, reason: EndReason): Promise<Set<number>>;
}

/** What every route needs, passed in so tests can build the app on any database. */
export interface AppDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where set, answers that only read are kept until the database changes (cache/versioned-cache.ts). */
  dataVersion?: DataVersion | undefined;
  /** The device list's totals and pages come from it (db/device-list/). */
  listIndex: DeviceListIndex;
  tokenTtlSeconds: number;
  /** Seals device secrets at rest under the master key. */
  vault: SecretVault;
  liveSessions?: LiveSessions | undefined;
  /** Where set, told of each task created or retried, so it runs without waiting for its next look (tasks/task-runner.ts). */
  tasks?: { wake(): void } | undefined;
  /** Where set, the console's event stream is served from it (events/). */
  changeFeed?: ChangeFeed | undefined;
  /** The MQTT gateway as the health call reports it; unset: the service runs none. */
  gateway?: { readonly listening: boolean; readonly sessionCount: number } | undefined;
  /** This replica's name, on PostgreSQL where replicas share the database. */
  replicaId?: string | undefined;
}
