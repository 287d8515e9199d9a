import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ensureUser, ensureWorkspace } from '@/server/db/bootstrap';
import { openDatabase } from '@/server/db/connect';
import { migrate } from '@/server/db/migrations';
import { CREDENTIALS_FILE, credentialsFile } from '@/server/db/seed/credentials-file';
import { seedDemoFleetOnce } from '@/server/db/seed/seed-fleet';
import { loadSecretVault, MASTER_KEY_FILE } from '@/server/secrets/master-key';
import { SQLITE_FILE } from './paths';

/**
 * Seeds the demo fleet into `dataDir` as the service's first start would, once per run, so every
 * figure reads the same devices and a figure that changes them can start again from a copy.
 */
export async function seedFleet(dataDir: string, devices: number, password: string): Promise<{ ms: number }> {
  await mkdir(dataDir, { recursive: true });
  const database = openDatabase({ sqlitePath: path.join(dataDir, SQLITE_FILE) });
  const started = performance.now();
  try {
    await migrate(database.db, database.dialect);
    await ensureWorkspace(database.db);
    await ensureUser(database.db, 'admin', password);
    // The service started on a copy opens the secrets with the master key file copied beside it.
    const { vault } = await loadSecretVault({ dataDir });
    // The provisioning file lets the simulator connect the seeded devices, as after `npm start`.
    const provisioning = credentialsFile(path.join(dataDir, CREDENTIALS_FILE));
    await seedDemoFleetOnce(database.db, database.dialect, { count: devices, vault, credentials: provisioning.sink });
    await provisioning.commit();
  } finally {
    // Closing the last connection checkpoints the WAL into the file, so the file alone is the whole database.
    await database.close();
  }
  return { ms: performance.now() - started };
}

/** A new data directory holding a copy of the seeded database. */
export async function copyFleet(fromDir: string, toDir: string): Promise<void> {
  await mkdir(toDir, { recursive: true });
  await copyFile(path.join(fromDir, SQLITE_FILE), path.join(toDir, SQLITE_FILE));
  await copyFile(path.join(fromDir, MASTER_KEY_FILE), path.join(toDir, MASTER_KEY_FILE));
  await copyFile(path.join(fromDir, CREDENTIALS_FILE), path.join(toDir, CREDENTIALS_FILE));
}
