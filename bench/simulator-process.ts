import { spawn } from 'node:child_process';
import { ROOT } from './paths';

export interface SimulatorStatus {
  at: number;
  connected: number;
  connects: number;
  disconnects: number;
  refused: Record<string, number>;
  reports: number;
}

export interface SimulatorProcess {
  pid: number;
  /** From start to every device's first CONNECT answered, as the simulator measured it. */
  firstAttempts: Promise<{ ms: number; connected: number }>;
  latest: () => SimulatorStatus | undefined;
  /** Resolves with the first status that satisfies `done`, or rejects after `timeoutMs`. */
  until: (done: (status: SimulatorStatus) => boolean, timeoutMs: number) => Promise<SimulatorStatus>;
  stop: () => Promise<void>;
}

const FIRST_ATTEMPTS = /first attempts answered in (\d+) ms: (\d+)\/\d+ connected/;

/** `npm run simulate` as a child process, reporting its counts every `statusEveryMs`. */
export function startSimulator(options: { url: string; credentials: string; devices: number; reportSeconds: number; flapPerMinute: number; statusEveryMs: number }): SimulatorProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/simulator/main.ts',
      ...['--devices', String(options.devices), '--url', options.url, '--credentials', options.credentials],
      ...['--report', String(options.reportSeconds), '--flap', String(options.flapPerMinute), '--status-every', String(options.statusEveryMs)],
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let latest: SimulatorStatus | undefined;
  const waiters = new Set<(status: SimulatorStatus) => void>();
  let errors = '';
  let resolveFirst!: (value: { ms: number; connected: number }) => void;
  let rejectFirst!: (error: Error) => void;
  const firstAttempts = new Promise<{ ms: number; connected: number }>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const first = FIRST_ATTEMPTS.exec(line);
      if (first) resolveFirst({ ms: Number(first[1]), connected: Number(first[2]) });
      if (!line.startsWith('status ')) continue;
      latest = JSON.parse(line.slice('status '.length)) as SimulatorStatus;
      for (const waiter of waiters) waiter(latest);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => rejectFirst(new Error(`the simulator exited (${code}) early: ${errors}`)));

  return {
    pid: child.pid!,
    firstAttempts,
    latest: () => latest,
    until: (done, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (status: SimulatorStatus) => {
          if (!done(status)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(status);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the simulator did not get there within ${timeoutMs} ms (last: ${JSON.stringify(latest)})`));
        }, timeoutMs);
        waiters.add(check);
        if (latest) check(latest);
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
