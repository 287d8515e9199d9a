import { round } from '../stats';
import { liveFigure, medianOf } from './live-fleet';

/** Issue 24's figures, from the last step of the live rounds: the whole fleet (10,000 of it live) selected and forced offline as a task. */
export const selectAllMatching = liveFigure(
  { id: 'select-all-matching', title: 'select all matching (the whole fleet): click to selected', unit: 'ms', goal: { op: '<=', value: 100 } },
  (all) => ({ samples: all.map((r) => round(r.selectAllMs, 0)), detail: { devices: medianOf(all.map((r) => r.taskDevices)) } }),
);

export const selectAllBytes = liveFigure(
  { id: 'select-all-bytes', title: 'select all matching (the whole fleet): bytes fetched', unit: 'kB', goal: { op: '<=', value: 50 } },
  (all) => ({ samples: all.map((r) => round(r.selectAllBytes / 1000, 1)) }),
);

export const taskForceOffline = liveFigure(
  { id: 'task-force-offline', title: 'force offline the whole fleet by filter as a task: click to task done', unit: 'ms', goal: { op: '<=', value: 10_000 } },
  (all) => ({
    samples: all.map((r) => round(r.taskDoneMs, 0)),
    detail: { devices: medianOf(all.map((r) => r.taskDevices)), live_sessions: medianOf(all.map((r) => r.forced)), sessions_ended_ms: medianOf(all.map((r) => r.forceOfflineMs)) },
  }),
);
