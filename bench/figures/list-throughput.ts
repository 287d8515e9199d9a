import { spawn } from 'node:child_process';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import type { BenchContext, Figure } from '../figure';
import { DEVICES_PATH, NO_CACHE } from '../http-get';
import type { BenchOptions } from '../options';
import { measuredOnce } from '../measured-once';
import { bin } from '../paths';
import { processCpuMs } from '../process-cpu';
import type { Service } from '../service';
import { round, spread } from '../stats';

interface AutocannonResult {
  '2xx': number;
  /** Seconds. */
  duration: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function autocannon(args: string[]): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin('autocannon'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${stderr.slice(-500)}`));
      try {
        resolve(JSON.parse(stdout) as AutocannonResult);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

interface Load {
  /** Successful answers a second. */
  rate: number;
  /** The service's CPU time per successful answer, when the system tells it. */
  cpuMs: number | undefined;
  failed: number;
  latency: AutocannonResult['latency'];
}

/** One autocannon run against `url`, with the service's CPU time per successful answer. */
async function load(service: Service, url: string, options: BenchOptions, headers: Record<string, string> = {}): Promise<Load> {
  const headerArgs = Object.entries({ ...headers, [AUTH_TOKEN_HEADER]: service.token }).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = ['-c', String(options.throughputConnections), '-d', String(options.throughputSeconds), '-j', '-n', ...headerArgs, url];
  const cpuBefore = processCpuMs(service.pid);
  const result = await autocannon(args);
  const cpuAfter = processCpuMs(service.pid);
  const ok = result['2xx'];
  return {
    rate: round(ok / result.duration, 0),
    cpuMs: cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? (cpuAfter - cpuBefore) / ok : undefined,
    failed: result.non2xx + result.errors + result.timeouts,
    latency: result.latency,
  };
}

const medianOf = (values: ReadonlyArray<number | undefined>, digits: number) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? round(spread(known).median, digits) : 'n/a';
};

interface Rounds {
  kept: Load[];
  fresh: Load[];
}

// Kept and fresh loads alternate, round by round; both figures read the same rounds.
const roundsOf = measuredOnce(async ({ service, options }: Pick<BenchContext, 'service' | 'options'>) => {
  // The page the console opens on: no filter, the default 50 rows.
  const url = `${service.baseUrl}${DEVICES_PATH}?offset=0&limit=50`;
  const done: Rounds = { kept: [], fresh: [] };
  for (let r = 0; r < options.rounds; r++) {
    done.kept.push(await load(service, url, options));
    done.fresh.push(await load(service, url, options, NO_CACHE));
  }
  return done;
});

const detailOf = (loads: Load[], options: BenchOptions) => {
  const last = loads.at(-1)!;
  return {
    seconds_per_round: options.throughputSeconds,
    latency_p50_ms: last.latency.p50,
    latency_p99_ms: last.latency.p99,
    service_cpu_ms_per_answer: medianOf(loads.map((l) => l.cpuMs), 2),
    failed_requests: loads.reduce((sum, l) => sum + l.failed, 0),
  };
};

/**
 * Figure 3: the console's first list page under 50 concurrent connections on loopback, counting
 * only successful answers, as a client asks for it: the service answers from what it keeps until
 * the database changes. With it, the service's own CPU time per answer, which does not depend on
 * what else the machine runs.
 */
export const listThroughput: Figure = {
  spec: { id: 'list-throughput', title: 'list throughput (50 connections)', unit: 'req/s', goal: { op: '>=', value: 3_000 } },
  async run(context) {
    const { kept } = await roundsOf(context);
    return { samples: kept.map((l) => l.rate), detail: detailOf(kept, context.options) };
  },
};

/**
 * Issue 20: the same load asking for fresh answers (`Cache-Control: no-cache`): each computed from
 * the list index and the page's rows read from the database.
 */
export const listThroughputFresh: Figure = {
  spec: { id: 'list-throughput-fresh', title: 'list throughput, fresh answers (50 connections)', unit: 'req/s', goal: { op: '>=', value: 2_000 } },
  async run(context) {
    const { fresh } = await roundsOf(context);
    return { samples: fresh.map((l) => l.rate), detail: detailOf(fresh, context.options) };
  },
};
