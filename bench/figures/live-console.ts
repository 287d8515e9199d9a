import { round } from '../stats';
import { liveFigure, medianOf } from './live-fleet';

/** Issue 19's figures, from the same live rounds as issue 23's: 10,000 devices reporting every 10 s, 1 % flapping a minute. */
export const liveRowPainted = liveFigure(
  { id: 'live-row-painted', title: 'device connects → its row painted online in an open console, p95', unit: 'ms', goal: { op: '<=', value: 1_000 } },
  (all) => ({ samples: all.map((r) => r.rowPaintedP95), detail: { p50_median: medianOf(all.map((r) => r.rowPaintedP50)), measured_from: 'CONNECT sent' } }),
);

export const liveInteractionLatency = liveFigure(
  { id: 'interaction-latency-live', title: 'interaction latency on the list under that churn, worst', unit: 'ms', goal: { op: '<=', value: 50 } },
  (all) => ({
    samples: all.map((r) => r.interactionWorst),
    detail: Object.fromEntries(Object.keys(all[0]!.interactionDetail).map((key) => [key, medianOf(all.map((r) => Number(r.interactionDetail[key])))])),
  }),
);

export const streamCpu = liveFigure(
  { id: 'stream-cpu', title: 'service CPU per open change stream under that churn', unit: 'ms CPU/s' },
  (all) => ({
    samples: all.map((r) => round((r.cpuStreams - r.cpuIdle) / r.streams, 3)),
    detail: {
      streams: all[0]!.streams,
      service_cpu_ms_per_s_without: round(medianOf(all.map((r) => r.cpuIdle)), 0),
      service_cpu_ms_per_s_with: round(medianOf(all.map((r) => r.cpuStreams)), 0),
      kb_per_s_per_stream: round(medianOf(all.map((r) => r.streamBytesPerSecond)) / 1024, 1),
      readers_cpu_ms_per_s: round(medianOf(all.map((r) => r.readersCpu)), 0),
    },
  }),
);

export const listWithStreams = liveFigure(
  { id: 'list-p95-streams', title: 'list p95 slowdown with the change streams open', unit: '%', goal: { op: '<=', value: 10 } },
  (all) => ({
    // Against the list just before the streams opened and just after they closed, so that a drift of the machine or the fleet in between weighs less.
    samples: all.map((r) => round((r.listP95Streams / ((r.listP95 + r.listP95After) / 2) - 1) * 100, 1)),
    detail: {
      streams: all[0]!.streams,
      p95_before_ms: medianOf(all.map((r) => r.listP95)),
      p95_with_ms: medianOf(all.map((r) => r.listP95Streams)),
      p95_after_ms: medianOf(all.map((r) => r.listP95After)),
    },
  }),
);
