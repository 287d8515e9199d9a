import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CREDENTIALS_FILE } from '@/server/db/seed/credentials-file';
import { openSignedIn, waitForRows } from '../browser';
import type { BenchContext, Figure, Measured } from '../figure';
import { SQLITE_FILE } from '../paths';
import { startSimulator } from '../simulator-process';
import { round } from '../stats';
import { listLatency } from './list-latency';

/** About 6 % of the demo fleet is disabled or frozen and refused: simulating a little more keeps the target live. */
const REFUSED_SHARE = 0.06;
const STATUS_EVERY_MS = 20;

interface LiveRound {
  connected: number;
  connectRate: number;
  serviceRssMib: number;
  simulatorRssMib: number;
  listP95: number;
  rowWritesPerSecond: number;
  forceOfflineMs: number;
  forced: number;
}

async function rssMib(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 0);
}

/** Device-row writes so far: the change log numbers each write of a listed column (last_active_time among them). */
function rowWrites(dataDir: string): number {
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT max(seq) AS seq FROM device_list_changes').get() as { seq: number | null }).seq ?? 0;
  } finally {
    db.close();
  }
}

/**
 * One round on a fresh copy with the gateway on: the simulator connects the devices at once
 * (connected count, CONNACK rate, memory); the list is measured while they report every 10 s and
 * 1 % flap a minute; then, in Chromium, every online device is forced offline by filter, timed
 * from the confirm click until the simulator has seen each of those sessions end.
 */
async function liveRound(context: BenchContext): Promise<LiveRound> {
  const target = context.options.liveDevices;
  const service = await context.liveService();
  const simulator = startSimulator({
    url: service.mqttUrl!,
    credentials: path.join(service.dataDir, CREDENTIALS_FILE),
    devices: Math.ceil(target / (1 - REFUSED_SHARE)),
    reportSeconds: 10,
    flapPerMinute: 0.01,
    statusEveryMs: STATUS_EVERY_MS,
  });
  try {
    const first = await simulator.firstAttempts;
    const [serviceRssMib, simulatorRssMib] = await Promise.all([rssMib(service.pid), rssMib(simulator.pid)]);

    const writesBefore = rowWrites(service.dataDir);
    const listStarted = performance.now();
    const list = await listLatency.run({ ...context, options: { ...context.options, rounds: 1 }, service });
    const rowWritesPerSecond = (rowWrites(service.dataDir) - writesBefore) / ((performance.now() - listStarted) / 1000);

    const page = await openSignedIn(await context.browser(), service.baseUrl, '/?online_status=1', context.password);
    try {
      await waitForRows(page);
      await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
      // Live devices come and go while the page loads: the selection says how many it took.
      const selectedText = async () => (await page.locator('.selection-count').textContent())!.match(/[\d,]+/)?.[0] ?? '0';
      const pageSelected = await selectedText();
      await page.getByRole('button', { name: /^Select all [\d,]+ matching devices$/ }).click();
      await page.waitForFunction((before) => !document.querySelector('.selection-progress') && !document.querySelector('.selection-count')?.textContent?.startsWith(`${before} `), pageSelected);
      const matching = await selectedText();
      await page.getByRole('button', { name: 'Force offline…' }).click();
      const confirm = page.getByRole('dialog').getByRole('button', { name: `Force ${matching} devices offline` });
      await confirm.waitFor();
      const forced = Number(matching.replaceAll(',', ''));
      const before = simulator.latest()!.disconnects;
      const clicked = Date.now();
      await confirm.click();
      const done = await simulator.until((s) => s.disconnects - before >= forced, 60_000);
      return {
        connected: first.connected,
        connectRate: round(first.connected / (first.ms / 1000), 0),
        serviceRssMib,
        simulatorRssMib,
        listP95: list.samples[0]!,
        rowWritesPerSecond: round(rowWritesPerSecond, 0),
        forceOfflineMs: Math.max(0, done.at - clicked),
        forced,
      };
    } finally {
      await page.context().close();
    }
  } finally {
    await simulator.stop();
    await service.stop();
  }
}

/** The four figures come from the same rounds, run once for all of them. */
const rounds = new WeakMap<BenchContext, Promise<LiveRound[]>>();
function liveRounds(context: BenchContext): Promise<LiveRound[]> {
  let measured = rounds.get(context);
  if (!measured) {
    measured = (async () => {
      const all: LiveRound[] = [];
      for (let r = 0; r < context.options.rounds; r++) all.push(await liveRound(context));
      return all;
    })();
    rounds.set(context, measured);
  }
  return measured;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figure = (spec: Figure['spec'], pick: (rounds: LiveRound[]) => Measured): Figure => ({
  spec,
  run: async (context) => pick(await liveRounds(context)),
});

export const liveSessions = figure(
  { id: 'live-sessions', title: 'simulated devices connected to one service', unit: 'devices', goal: { op: '>=', value: 10_000 } },
  (all) => ({
    samples: all.map((r) => r.connected),
    detail: { service_rss_mib: median(all.map((r) => r.serviceRssMib)), simulator_rss_mib: median(all.map((r) => r.simulatorRssMib)) },
  }),
);

export const connectRate = figure(
  { id: 'connect-rate', title: 'connect rate, all devices starting at once', unit: 'CONNACK/s', goal: { op: '>=', value: 2_000 } },
  (all) => ({ samples: all.map((r) => r.connectRate) }),
);

export const liveForceOffline = figure(
  { id: 'live-force-offline', title: 'force-offline of the live sessions by filter', unit: 'ms', goal: { op: '<=', value: 3_000 } },
  (all) => ({ samples: all.map((r) => r.forceOfflineMs), detail: { sessions: median(all.map((r) => r.forced)), measured_to: 'every client saw its end' } }),
);

export const liveListLatency = figure(
  { id: 'list-p95-live', title: 'list p95 while devices report every 10 s, 1 % flap a minute', unit: 'ms', goal: { op: '<=', value: 15 } },
  (all) => ({ samples: all.map((r) => r.listP95), detail: { device_row_writes_per_s: median(all.map((r) => r.rowWritesPerSecond)) } }),
);
