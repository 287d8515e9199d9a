import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { serviceEnv } from './config';

const READY_LINE = /Device Console is running at (http:\/\/\S+)\s/;
const START_TIMEOUT_MS = 60_000;

export interface OwnService {
  baseUrl: string;
  /** Starts it again on the same port and data: a restart after `kill`. */
  start: () => Promise<void>;
  /** Ends it at once, as a crash or an OOM kill would: no shutdown, open streams cut. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A service of a spec's own, on its own port and database, for specs that stop it: the
 * suite's shared services (playwright.config.ts) must stay up for the other specs. Its data
 * folder starts empty, so the first start seeds `seedDevices`; a later `start` keeps it. Its
 * database is the embedded one there, or PostgreSQL at `databaseUrl`. Its MQTT gateway is off
 * unless given `mqttPort`; `env` adds to its environment (a replica's name, a shared master key).
 */
export async function ownService(options: {
  port: number;
  dataDir: string;
  seedDevices: number;
  databaseUrl?: string | undefined;
  mqttPort?: number;
  env?: Record<string, string>;
}): Promise<OwnService> {
  await rm(options.dataDir, { recursive: true, force: true });
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const end = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const process_ = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...serviceEnv({ ...options, mqttPort: options.mqttPort === undefined ? 'off' : String(options.mqttPort) }), ...options.env },
      });
      child = process_;
      exited = new Promise((done) => process_.once('exit', () => done()));
      let output = '';
      const timer = setTimeout(() => fail(new Error(`the service did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      const fail = (error: Error) => {
        clearTimeout(timer);
        process_.kill('SIGKILL');
        reject(new Error(`${error.message}\n${output.slice(-2_000)}`));
      };
      // Both pipes are read to the end, ready or not: a full pipe would stall the service.
      process_.stdout.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4_000);
        if (READY_LINE.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      process_.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
      process_.once('exit', (code, signal) => fail(new Error(`the service exited (${code ?? signal}) before it was ready`)));
    });
  await start();
  return { baseUrl: `http://127.0.0.1:${options.port}`, start, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
