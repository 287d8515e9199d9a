import type { Figure } from '../figure';
import { DEVICES_PATH, NO_CACHE, timedGet } from '../http-get';
import { listQueryMix } from '../list-mix';
import { percentile, round, spread } from '../stats';

const WARM_UP = 50;

/**
 * Figure 2: sequential list calls over loopback, mixing filters, search, sort and deep offsets. Each
 * round repeats the same calls, so every one asks for a fresh answer: the figure is that of computing
 * each answer, never of a kept one.
 */
export const listLatency: Figure = {
  spec: { id: 'list-p95', title: 'list page at the service, p95', unit: 'ms', goal: { op: '<=', value: 15 } },
  async run({ options, service }) {
    const queries = await listQueryMix(service.baseUrl, service.token, options.listRequests);
    const call = async (query: string) => {
      const { status, ms } = await timedGet(`${service.baseUrl}${DEVICES_PATH}?${query}`, service.token, NO_CACHE);
      if (status !== 200) throw new Error(`GET ?${query} answered ${status}`);
      return ms;
    };
    // Warm the JIT and SQLite's page cache; these calls are not counted.
    for (const query of queries.slice(0, WARM_UP)) await call(query);

    const p95s: number[] = [];
    const p50s: number[] = [];
    let worst = { ms: 0, query: '' };
    for (let r = 0; r < options.rounds; r++) {
      const times: number[] = [];
      for (const query of queries) {
        const ms = await call(query);
        times.push(ms);
        if (ms > worst.ms) worst = { ms, query };
      }
      times.sort((a, b) => a - b);
      p50s.push(percentile(times, 50));
      p95s.push(percentile(times, 95));
    }
    return {
      samples: p95s.map((v) => round(v, 2)),
      detail: {
        requests: queries.length * options.rounds,
        p50_median: round(spread(p50s).median, 2),
        worst_ms: round(worst.ms, 1),
        worst_query: worst.query,
      },
    };
  },
};
