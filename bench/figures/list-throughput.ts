import { spawn } from 'node:child_process';
import { AUTH_TOKEN_HEADER } from '@/contracts/auth';
import type { Figure } from '../figure';
import { DEVICES_PATH } from '../http-get';
import { bin } from '../paths';
import { processCpuMs } from '../process-cpu';
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

/**
 * Figure 3: the console's first list page under 50 concurrent connections on loopback, counting
 * only successful answers. Beside it, the service's own CPU time per answer, which does not
 * depend on what else the machine runs.
 */
export const listThroughput: Figure = {
  spec: { id: 'list-throughput', title: 'list throughput (50 connections)', unit: 'req/s', goal: { op: '>=', value: 3_000 } },
  async run({ options, service }) {
    // The page the console opens on: no filter, the default 50 rows.
    const url = `${service.baseUrl}${DEVICES_PATH}?offset=0&limit=50`;
    const rates: number[] = [];
    const cpuPerAnswer: number[] = [];
    let failed = 0;
    let last: AutocannonResult | undefined;
    for (let r = 0; r < options.rounds; r++) {
      const args = ['-c', String(options.throughputConnections), '-d', String(options.throughputSeconds), '-j', '-n', '-H', `${AUTH_TOKEN_HEADER}=${service.token}`, url];
      const cpuBefore = processCpuMs(service.pid);
      last = await autocannon(args);
      const cpuAfter = processCpuMs(service.pid);
      failed += last.non2xx + last.errors + last.timeouts;
      rates.push(round(last['2xx'] / last.duration, 0));
      if (cpuBefore !== undefined && cpuAfter !== undefined && last['2xx'] > 0) cpuPerAnswer.push((cpuAfter - cpuBefore) / last['2xx']);
    }
    return {
      samples: rates,
      detail: {
        seconds_per_round: options.throughputSeconds,
        latency_p50_ms: last!.latency.p50,
        latency_p99_ms: last!.latency.p99,
        failed_requests: failed,
        ...(cpuPerAnswer.length > 0 && { service_cpu_ms_per_answer: round(spread(cpuPerAnswer).median, 2) }),
      },
    };
  },
};
