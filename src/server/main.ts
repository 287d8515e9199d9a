import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { ensureUser, ensureWorkspace } from './db/bootstrap';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrations';
import { disconnectAll, pruneAllHistory } from './db/device-connections';
import { resealStaleSecrets } from './db/device-secrets';
import { CREDENTIALS_FILE, credentialsFile } from './db/seed/credentials-file';
import { seedDemoFleetOnce } from './db/seed/seed-fleet';
import { RESTART_REASON } from './gateway/end-reasons';
import { changeFeedOf } from './events/change-feed-of';
import { TaskRunner } from './tasks/task-runner';
import { Gateway } from './gateway/gateway';
import { ReplicaPresence } from './gateway/replica-presence';
import { SharedSessionEnds } from './gateway/shared-session-ends';
import { HISTORY_PER_DEVICE } from './gateway/state-writer';
import { loadSecretVault } from './secrets/master-key';

/** How long a shutdown may take before the process gives up on open connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Lines meant for the operator, not the JSON log: they stand out among the log lines. */
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const sqlitePath = path.join(config.dataDir, 'device-console.sqlite');
  // The master key's file lives here on PostgreSQL too (unless SECRET_MASTER_KEY is set).
  await mkdir(config.dataDir, { recursive: true });
  const { vault, createdFile } = await loadSecretVault({ key: config.secretMasterKey, previousKeys: config.secretMasterKeyPrevious, dataDir: config.dataDir });
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath,
    onListenError: (error) => app.log.error({ err: error }, 'listening for data changes failed; answers are read afresh until it listens again, in a second'),
  });

  const hasConsole = existsSync(path.join(config.webRoot, 'index.html'));
  // Logs through the app's logger, which is built with the gateway in its dependencies.
  const gateway =
    config.mqttPort === undefined
      ? undefined
      : new Gateway({
          db: database.db,
          vault,
          log: { error: (data, message) => app.log.child({ component: 'gateway' }).error(data, message) },
          connectsPerAddressPerSecond: config.mqttConnectsPerAddress,
          replicaId: config.replicaId,
        });
  // On PostgreSQL another replica may hold the session an operator ends here (shared-session-ends.ts).
  const shared =
    gateway && database.dialect === 'postgres'
      ? new SharedSessionEnds(gateway, database.db, database.databaseUrl!, (error) => app.log.error({ err: error }, 'ending sessions held by other replicas failed'))
      : undefined;
  const sessions = shared ?? gateway;
  const presence = shared && new ReplicaPresence(database.db, config.replicaId, (error) => app.log.error({ err: error }, 'saying this replica is alive failed; retrying'));
  const changeFeed = changeFeedOf(database, (error) => app.log.error({ err: error }, 'reading device changes for the event streams failed; retrying'));
  const tasks = new TaskRunner({
    db: database.db,
    dialect: database.dialect,
    liveSessions: sessions,
    onError: (error) => app.log.error({ err: error }, 'a batch of a batch task failed and was rolled back; its devices are tried again'),
  });
  // One log line a request (request-log.ts): method, URL, status and time; no headers (where tokens travel) and no bodies.
  const app = buildApp({
    db: database.db,
    dialect: database.dialect,
    dataVersion: database.dataVersion,
    listIndex: database.listIndex,
    tokenTtlSeconds: config.tokenTtlSeconds,
    vault,
    liveSessions: sessions,
    gateway,
    replicaId: shared && config.replicaId,
    changeFeed,
    tasks,
    logger: { level: 'info' },
    webRoot: hasConsole ? config.webRoot : undefined,
    behindTls: config.behindTls,
    trustProxy: config.trustProxy,
  });

  try {
    await migrate(database.db, database.dialect);
    await ensureWorkspace(database.db);
    const admin = await ensureUser(database.db, 'admin', config.adminPassword);
    if (admin.generatedPassword) {
      say(`\n  Generated password for user "admin" (shown only this once): ${admin.generatedPassword}\n`);
    }

    if (createdFile) app.log.info({ file: createdFile }, 'created the master key of device secrets: keep it apart from database backups');
    const { resealed, unopenable } = await resealStaleSecrets(database.db, vault);
    if (resealed > 0) app.log.info({ resealed, keyId: vault.keyId }, 'sealed device secrets again under the current master key');
    for (const [keyId, devices] of unopenable) {
      app.log.warn({ keyId, devices }, 'device secrets sealed under a master key the service lacks: those devices cannot connect (set SECRET_MASTER_KEY_PREVIOUS)');
    }

    const started = performance.now();
    const provisioning = credentialsFile(path.join(config.dataDir, CREDENTIALS_FILE));
    const seeded = await seedDemoFleetOnce(database.db, database.dialect, { count: config.seedDevices, vault, credentials: provisioning.sink });
    await (seeded > 0 ? provisioning.commit() : provisioning.discard());
    if (seeded > 0) app.log.info({ devices: seeded, ms: Math.round(performance.now() - started), credentials: CREDENTIALS_FILE }, 'seeded the demo fleet');
    const reading = performance.now();
    await database.listIndex.warm(database.db);
    app.log.info({ ms: Math.round(performance.now() - reading) }, 'read the device list into memory');

    await changeFeed.start();
    if (gateway) {
      await pruneAllHistory(database.db, HISTORY_PER_DEVICE);
      const ghosts = presence ? await presence.start() : await disconnectAll(database.db, Date.now(), RESTART_REASON);
      if (ghosts > 0) app.log.info({ devices: ghosts }, 'marked devices still shown connected as disconnected: no session outlives a restart');
      const mqttPort = await gateway.listen(config.mqttHost, config.mqttPort!);
      say(`Devices connect over MQTT at mqtt://${config.mqttHost}:${mqttPort}`);
      await shared?.start();
    }
    // After the gateway: a task resumed at start ends live sessions as it goes.
    tasks.start();
    if (!hasConsole) app.log.warn({ webRoot: config.webRoot }, 'the console is not built (npm run build): serving the API only');
    const address = await app.listen({ host: config.host, port: config.port });
    say(`Device Console is running at ${address} on Node ${process.versions.node} (database: ${database.dialect === 'sqlite' ? sqlitePath : 'PostgreSQL'})`);
  } catch (error) {
    await tasks.close();
    presence?.stop();
    await shared?.close();
    await gateway?.close();
    await app.close();
    await changeFeed.close();
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
    // The batch in hand commits first; then sessions end, recorded as "service stopped", while the database is still open.
    await tasks.close();
    presence?.stop();
    await shared?.close();
    await gateway?.close();
    await app.close();
    await changeFeed.close();
    await database.close();
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
