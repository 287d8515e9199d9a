import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { ensureUser, ensureWorkspace } from './db/bootstrap';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrations';
import { seedDemoFleetOnce } from './db/seed/seed-fleet';

/** How long a shutdown may take before the process gives up on open connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Lines meant for the operator, not the JSON log: they stand out among the log lines. */
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const sqlitePath = path.join(config.dataDir, 'device-console.sqlite');
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath });

  const hasConsole = existsSync(path.join(config.webRoot, 'index.html'));
  // One log line a request (request-log.ts): method, URL, status and time; no headers (where tokens travel) and no bodies.
  const app = buildApp({
    db: database.db,
    dialect: database.dialect,
    dataVersion: database.dataVersion,
    listIndex: database.listIndex,
    tokenTtlSeconds: config.tokenTtlSeconds,
    logger: { level: 'info' },
    webRoot: hasConsole ? config.webRoot : undefined,
  });

  try {
    await migrate(database.db, database.dialect);
    await ensureWorkspace(database.db);
    const admin = await ensureUser(database.db, 'admin', config.adminPassword);
    if (admin.generatedPassword) {
      say(`\n  Generated password for user "admin" (shown only this once): ${admin.generatedPassword}\n`);
    }

    const started = performance.now();
    const seeded = await seedDemoFleetOnce(database.db, database.dialect, { count: config.seedDevices });
    if (seeded > 0) app.log.info({ devices: seeded, ms: Math.round(performance.now() - started) }, 'seeded the demo fleet');
    if (database.listIndex) {
      const reading = performance.now();
      await database.listIndex.warm(database.db);
      app.log.info({ ms: Math.round(performance.now() - reading) }, 'read the device list into memory');
    }

    if (!hasConsole) app.log.warn({ webRoot: config.webRoot }, 'the console is not built (npm run build): serving the API only');
    const address = await app.listen({ host: config.host, port: config.port });
    say(`Device Console is running at ${address} on Node ${process.versions.node} (database: ${database.dialect === 'sqlite' ? sqlitePath : 'PostgreSQL'})`);
  } catch (error) {
    await app.close();
    await database.close();
    throw error;
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // `npm start` forwards the terminal's Ctrl-C, so the same signal may arrive twice.
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await database.close();
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
