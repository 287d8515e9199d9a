import type { Figure, Measured } from '../figure';
import { liveRounds, type LiveRound } from '../live-round';
import { spread } from '../stats';

export const medianOf = (values: number[]): number => spread(values).median;

/** A figure read from the shared live rounds. */
export const liveFigure = (spec: Figure['spec'], pick: (rounds: LiveRound[]) => Measured): Figure => ({
  spec,
  run: async (context) => pick(await liveRounds(context)),
});

export const liveSessions = liveFigure(
  { id: 'live-sessions', title: 'simulated devices connected to one service', unit: 'devices', goal: { op: '>=', value: 10_000 } },
  (all) => ({
    samples: all.map((r) => r.connected),
    detail: { service_rss_mib: medianOf(all.map((r) => r.serviceRssMib)), simulator_rss_mib: medianOf(all.map((r) => r.simulatorRssMib)) },
  }),
);

export const connectRate = liveFigure(
  { id: 'connect-rate', title: 'connect rate, all devices starting at once', unit: 'CONNACK/s', goal: { op: '>=', value: 2_000 } },
  (all) => ({ samples: all.map((r) => r.connectRate) }),
);

export const liveForceOffline = liveFigure(
  { id: 'live-force-offline', title: 'force-offline of the live sessions (the whole fleet, by filter)', unit: 'ms', goal: { op: '<=', value: 3_000 } },
  (all) => ({ samples: all.map((r) => r.forceOfflineMs), detail: { sessions: medianOf(all.map((r) => r.forced)), measured_to: 'every client saw its end' } }),
);

export const liveListLatency = liveFigure(
  { id: 'list-p95-live', title: 'list p95 while devices report every 10 s, 1 % flap a minute', unit: 'ms', goal: { op: '<=', value: 15 } },
  (all) => ({ samples: all.map((r) => r.listP95), detail: { device_row_writes_per_s: medianOf(all.map((r) => r.rowWritesPerSecond)) } }),
);
