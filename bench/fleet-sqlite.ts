import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { copyDataDir, seedFleet, type FleetStore } from './fleet-db';
import { SQLITE_FILE } from './paths';

/** The fleet in a SQLite file under `workDir`, copied file by file. */
export function sqliteFleet(workDir: string): FleetStore {
  const seedDir = path.join(workDir, 'seed');
  let copies = 0;
  return {
    engine: 'SQLite',
    seed: (devices, password) => seedFleet({ sqlitePath: path.join(seedDir, SQLITE_FILE) }, seedDir, devices, password),
    copy: async () => {
      const dataDir = path.join(workDir, `run-${++copies}`);
      await copyDataDir(seedDir, dataDir);
      // Seeding closed the last connection, which checkpointed the WAL: the file alone is the whole database.
      await copyFile(path.join(seedDir, SQLITE_FILE), path.join(dataDir, SQLITE_FILE));
      return { dataDir };
    },
    close: async () => {},
  };
}
