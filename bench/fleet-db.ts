import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureUser, ensureWorkspace } from '@/server/db/bootstrap';
import { openDatabase, type DatabaseConfig } from '@/server/db/connect';
import { migrate } from '@/server/db/migrations';
import { CREDENTIALS_FILE, credentialsFile } from '@/server/db/seed/credentials-file';
import { seedDemoFleetOnce } from '@/server/db/seed/seed-fleet';
import { loadSecretVault, MASTER_KEY_FILE } from '@/server/secrets/master-key';

/**
 * Where the bench keeps the demo fleet: seeded once per run, so every figure reads the same
 * devices, and copied for each service run, so a figure that changes them leaves the seed alone.
 */
export interface FleetStore {
  /** As the table and results.json name it: "SQLite", "PostgreSQL 15". */
  engine: string;
  seed: (devices: number, password: string) => Promise<{ ms: number }>;
  /** A fresh copy of the seeded fleet for one service run. */
  copy: () => Promise<FleetCopy>;
  /** Stops what the store started; safe to call twice. */
  close: () => Promise<void>;
}

export interface FleetCopy {
  dataDir: string;
  /** PostgreSQL: the copy's database; on SQLite it is a file in `dataDir`. */
  databaseUrl?: string;
}

/** Seeds the demo fleet into `database` as the service's first start would, with its master key and provisioning file in `dataDir`. */
export async function seedFleet(database: DatabaseConfig, dataDir: string, devices: number, password: string): Promise<{ ms: number }> {
  await mkdir(dataDir, { recursive: true });
  const { db, dialect, close } = openDatabase(database);
  const started = performance.now();
  try {
    await migrate(db, dialect);
    await ensureWorkspace(db);
    await ensureUser(db, 'admin', password);
    // The service started on a copy opens the secrets with the master key file copied beside it.
    const { vault } = await loadSecretVault({ dataDir });
    // The provisioning file lets the simulator connect the seeded devices, as after `npm start`.
    const provisioning = credentialsFile(path.join(dataDir, CREDENTIALS_FILE));
    await seedDemoFleetOnce(db, dialect, { count: devices, vault, credentials: provisioning.sink });
    await provisioning.commit();
  } finally {
    await close();
  }
  return { ms: performance.now() - started };
}

/** A new data directory with what the service and the simulator read beside the database: the master key and the provisioning file. */
export async function copyDataDir(fromDir: string, toDir: string): Promise<void> {
  await mkdir(toDir, { recursive: true });
  await copyFile(path.join(fromDir, MASTER_KEY_FILE), path.join(toDir, MASTER_KEY_FILE));
  await copyFile(path.join(fromDir, CREDENTIALS_FILE), path.join(toDir, CREDENTIALS_FILE));
}
