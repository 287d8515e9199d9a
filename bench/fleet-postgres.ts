import path from 'node:path';
import pg from 'pg';
import { startThrowawayCluster } from '../scripts/pg-cluster.mjs';
import { copyDataDir, seedFleet, type FleetStore } from './fleet-db';

const SEED = 'bench_seed';

/**
 * The fleet on a throw-away PostgreSQL cluster, as `npm run test:pg` starts one: seeded into one
 * database, and each copy a database made from it as a template, far quicker than seeding again.
 * The data directories under `workDir` keep the master key and the provisioning file.
 */
export async function postgresFleet(workDir: string): Promise<FleetStore> {
  const cluster = await startThrowawayCluster();
  const databaseUrl = (name: string) => {
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const seedDir = path.join(workDir, 'seed');
  let copies = 0;
  return {
    engine: `PostgreSQL ${cluster.version}`,
    seed: async (devices, password) => {
      await admin(`CREATE DATABASE ${SEED}`);
      // Seeding closes its connections: PostgreSQL copies no template that anyone is connected to.
      return seedFleet({ databaseUrl: databaseUrl(SEED) }, seedDir, devices, password);
    },
    copy: async () => {
      const name = `run_${++copies}`;
      await admin(`CREATE DATABASE ${name} TEMPLATE ${SEED}`);
      const dataDir = path.join(workDir, `run-${copies}`);
      await copyDataDir(seedDir, dataDir);
      return { dataDir, databaseUrl: databaseUrl(name) };
    },
    close: cluster.stop,
  };
}
