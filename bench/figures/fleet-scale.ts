import type { BenchContext, Figure } from '../figure';
import { DEVICES_PATH, NO_CACHE, timedGet } from '../http-get';
import { rssMib } from '../live-round';
import { listQueryMix } from '../list-mix';
import { measuredOnce } from '../measured-once';
import { round } from '../stats';

/** List calls of figure 2's mix made after each start, so the memory is that of a service in use. */
const MIX_AFTER_START = 200;

interface Start {
  readyMs: number;
  rssMib: number;
}

const startsOf = measuredOnce(async (context: BenchContext) => {
  const done: Start[] = [];
  for (let r = 0; r < context.options.rounds; r++) {
    const service = await context.restartOnFreshCopy();
    for (const query of await listQueryMix(service.baseUrl, service.token, MIX_AFTER_START)) {
      const { status } = await timedGet(`${service.baseUrl}${DEVICES_PATH}?${query}`, service.token, NO_CACHE);
      if (status !== 200) throw new Error(`list answered ${status} for ${query}`);
    }
    done.push({ readyMs: service.readyMs, rssMib: await rssMib(service.pid) });
  }
  return done;
});

/** Issue 20: the fleet seeded into an empty database, once before every figure (one sample). */
export const seedTime: Figure = {
  spec: { id: 'seed', title: 'seeding the fleet into an empty database', unit: 's', goal: { op: '<=', value: 60 } },
  run: ({ seededMs, options }) => Promise.resolve({ samples: [round(seededMs / 1000, 1)], detail: { devices: options.devices } }),
};

/** Issue 20: a service started on the seeded database, from spawning it until it listens (migrated, list index read). */
export const startUp: Figure = {
  spec: { id: 'start-up', title: 'start-up on an existing database', unit: 's', goal: { op: '<=', value: 20 } },
  async run(context) {
    return { samples: (await startsOf(context)).map((s) => round(s.readyMs / 1000, 1)) };
  },
};

/** Issue 20: that service's resident memory after figure 2's mix. */
export const serviceRss: Figure = {
  spec: { id: 'service-rss', title: 'service memory (RSS) after start-up and the list mix', unit: 'MiB', goal: { op: '<=', value: 1024 } },
  async run(context) {
    return { samples: (await startsOf(context)).map((s) => s.rssMib), detail: { list_calls_after_start: MIX_AFTER_START } };
  },
};
