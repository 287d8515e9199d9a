import { spawn } from 'node:child_process';
import { ROOT } from './paths';
import type { Service } from './service';

export interface StreamReaders {
  /** The readers' process, for reading its CPU time. */
  pid: number;
  /** Bytes the streams have carried so far. */
  bytes: () => number;
  stop: () => Promise<void>;
}

const EVENTS_PATH = '/console/v1/projects/default/instances/default/events';
const OPEN_TIMEOUT_MS = 30_000;

/** Opens `count` change streams on `service` from a child process; resolves once every one is open. */
export function openStreams(service: Service, count: number): Promise<StreamReaders> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/stream-readers-process.ts', `${service.baseUrl}${EVENTS_PATH}`, service.token, String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let latest = { open: 0, bytes: 0 };
  let errors = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`only ${latest.open} of ${count} streams opened within ${OPEN_TIMEOUT_MS} ms`), OPEN_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${why} ${errors}`));
    };
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('status ')) continue;
        latest = JSON.parse(line.slice('status '.length)) as typeof latest;
        if (latest.open === count) {
          clearTimeout(timer);
          resolve({ pid: child.pid!, bytes: () => latest.bytes, stop });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
    child.once('exit', (code) => fail(`the stream readers exited (${code})`));
  });
}
