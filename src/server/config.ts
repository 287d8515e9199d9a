import { hostname } from 'node:os';
import path from 'node:path';

export interface ServiceConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDevices: number;
  adminPassword: string | undefined;
  tokenTtlSeconds: number;
  webRoot: string;
  /** Base64 master key of device secrets; unset: a 0600 file in the data folder. */
  secretMasterKey: string | undefined;
  secretMasterKeyPrevious: string | undefined;
  mqttHost: string;
  /** Undefined when `MQTT_PORT=off`: no gateway, and `connected` is whatever the database says. */
  mqttPort: number | undefined;
  /** New MQTT connections a second from one address; 0: no limit. */
  mqttConnectsPerAddress: number;
  /** This replica's name among several on one PostgreSQL; the same across its restarts (README "Replicas"). */
  replicaId: string;
  /** Clients reach the service through TLS (a proxy or balancer ends it): answers carry HSTS. */
  behindTls: boolean;
  /** `true`, or the proxies' addresses (comma-separated), whose `X-Forwarded-For` names the client. */
  trustProxy: boolean | string;
}

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = intFromEnv('PORT', 8080, env);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDevices: intFromEnv('SEED_DEVICES', 2000, env),
    adminPassword: env.CONSOLE_ADMIN_PASSWORD || undefined,
    tokenTtlSeconds: intFromEnv('TOKEN_TTL_SECONDS', 12 * 3600, env),
    webRoot: path.resolve(env.WEB_ROOT ?? './dist/web'),
    secretMasterKey: env.SECRET_MASTER_KEY || undefined,
    secretMasterKeyPrevious: env.SECRET_MASTER_KEY_PREVIOUS || undefined,
    mqttHost: env.MQTT_HOST || '127.0.0.1',
    mqttPort: env.MQTT_PORT === 'off' ? undefined : intFromEnv('MQTT_PORT', 1883, env),
    mqttConnectsPerAddress: intFromEnv('MQTT_CONNECTS_PER_ADDRESS', 200, env),
    replicaId: env.REPLICA_ID || `${hostname()}:${port}`,
    behindTls: env.BEHIND_TLS === 'true',
    trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || false,
  };
}
