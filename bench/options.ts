import path from 'node:path';
import type { DialectName } from '@/server/db/dialect';
import { ROOT } from './paths';

/** How much work each figure does: the full run makes the table, quick mode keeps the harness from rotting. */
export interface BenchOptions {
  quick: boolean;
  devices: number;
  /** `--db postgres`: the service runs on a throw-away PostgreSQL cluster instead of SQLite. */
  db: DialectName;
  /** Repetitions of each figure, for its median and spread. */
  rounds: number;
  /** Sequential list requests per round (issue 6: at least 200). */
  listRequests: number;
  throughputSeconds: number;
  throughputConnections: number;
  /** About how many devices the force-offline figure selects by filter. */
  forceOfflineTarget: number;
  /** Devices the live figures keep connected over MQTT (issue 23: 10,000). */
  liveDevices: number;
  /** Change streams held open for issue 19's figures of their cost (issue 19: 200). */
  streams: number;
  /** How long the service's CPU is measured with and without those streams. */
  streamWindowMs: number;
  /** Connects of one device while a console shows its row. */
  probeSamples: number;
  port: number;
  out: string;
  /** `--only id,id`: measure just these figures (by their ids), e.g. the live ones after a gateway change. */
  only: string[] | undefined;
}

/** `--devices N`: the fleet's size, for issue 20's million; a whole number from 1. */
function devicesOption(argv: readonly string[], fallback: number): number {
  const at = argv.indexOf('--devices');
  if (at < 0) return fallback;
  const value = argv[at + 1] ?? '';
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`--devices takes a whole number of devices from 1, got "${value}"`);
  return Number(value);
}

/** `--db sqlite|postgres`: the engine every figure's service runs on. */
function dbOption(argv: readonly string[]): DialectName {
  const at = argv.indexOf('--db');
  if (at < 0) return 'sqlite';
  const value = argv[at + 1] ?? '';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--db takes sqlite or postgres, got "${value}"`);
  return value;
}

export function benchOptions(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const onlyAt = argv.indexOf('--only');
  const devices = devicesOption(argv, quick ? 2_000 : 100_000);
  return {
    quick,
    devices,
    db: dbOption(argv),
    rounds: quick ? 1 : 3,
    listRequests: quick ? 200 : 300,
    throughputSeconds: quick ? 2 : 10,
    throughputConnections: 50,
    forceOfflineTarget: quick ? 300 : 10_000,
    liveDevices: Math.min(devices, quick ? 200 : 10_000),
    streams: quick ? 20 : 200,
    streamWindowMs: quick ? 2_000 : 10_000,
    probeSamples: quick ? 5 : 20,
    // 8931-8934 belong to the e2e suites.
    port: Number(env.BENCH_PORT ?? 8940),
    out: path.resolve(env.BENCH_OUT ?? path.join(ROOT, 'bench/results.json')),
    only: onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined,
  };
}
