import { spawn, type ChildProcess } from 'node:child_process';
import { SUBJECT_TOKEN_HEADER } from '@/contracts/auth';
import { ROOT } from './paths';

export interface Service {
  baseUrl: string;
  /** The service's process, for reading its CPU time. */
  pid: number;
  /** An admin token, for the figures that call the API directly. */
  token: string;
  dataDir: string;
  /** PostgreSQL: the database it runs on; SQLite's is a file in `dataDir`. */
  databaseUrl?: string;
  /** Where its MQTT gateway listens, when started with `mqtt`. */
  mqttUrl?: string;
  /** From spawning it until it listened: on a seeded database, the start-up an operator waits for. */
  readyMs: number;
  stop: () => Promise<void>;
}

export interface ServiceOptions {
  port: number;
  dataDir: string;
  /** Runs it on PostgreSQL, on this database. */
  databaseUrl?: string;
  devices: number;
  password: string;
  webRoot: string;
  /** Runs the MQTT gateway on a free port; without it the gateway is off. */
  mqtt?: boolean;
}

// Up to the space after the address, so a line cut between two chunks is not read short.
const READY_LINE = /Device Console is running at (http:\/\/\S+)\s/;
const MQTT_LINE = /Devices connect over MQTT at (mqtt:\/\/\S+)\s/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

// Services still running when the bench ends, whatever ends it (Ctrl-C while one starts, a crash):
// left behind, one holds the bench's port and the next run fails to start its own.
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** Resolves with the address the service prints once it listens (the port may have been chosen by the system). */
function waitUntilReady(child: ChildProcess): Promise<{ baseUrl: string; mqttUrl?: string }> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let stdout = '';
    let stderr = '';
    // The first of ready, exit, error or timeout decides; the others find it settled.
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      return true;
    };
    const fail = (error: Error) => {
      if (!settle()) return;
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${stderr.slice(-2_000)}`));
    };
    const timer = setTimeout(() => fail(new Error(`the service did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    // The log stays piped and is read to the end: a full pipe would stall the service under load.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (settled) return;
      stdout = (stdout + chunk.toString()).slice(-4_000);
      const address = READY_LINE.exec(stdout)?.[1];
      const mqttUrl = MQTT_LINE.exec(stdout)?.[1];
      if (address && settle()) resolve({ baseUrl: address, ...(mqttUrl && { mqttUrl }) });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-10_000);
    });
    child.on('exit', (code, signal) => fail(new Error(`the service exited (${code ?? signal}) before it was ready`)));
    child.on('error', fail);
  });
}

async function signIn(baseUrl: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const token = response.headers.get(SUBJECT_TOKEN_HEADER);
  if (response.status !== 201 || !token) throw new Error(`sign-in answered ${response.status}`);
  return token;
}

/** The real service, as `npm start` runs it, on its own port (0: any free one) and data directory. */
export async function startService(options: ServiceOptions): Promise<Service> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      SEED_DEVICES: String(options.devices),
      CONSOLE_ADMIN_PASSWORD: options.password,
      WEB_ROOT: options.webRoot,
      // Without it, the figures of the list and of bulk force-offline read the seeded connection states, which a gateway resets.
      MQTT_PORT: options.mqtt ? '0' : 'off',
      // The simulator's devices all come from one address, on purpose.
      MQTT_CONNECTS_PER_ADDRESS: '0',
    },
  });
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  const { baseUrl, mqttUrl } = await waitUntilReady(child);
  const readyMs = performance.now() - spawnedAt;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    return { baseUrl, pid: child.pid!, dataDir: options.dataDir, databaseUrl: options.databaseUrl, token: await signIn(baseUrl, options.password), ...(mqttUrl && { mqttUrl }), readyMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
