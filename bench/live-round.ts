import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CREDENTIALS_FILE } from '@/server/db/seed/credentials-file';
import type { Page } from '@playwright/test';
import { openSignedIn, waitForRows } from './browser';
import { armClickToText } from './in-page';
import type { BenchContext } from './figure';
import { interactionLatency } from './figures/interaction-latency';
import { listLatency } from './figures/list-latency';
import { measuredOnce } from './measured-once';
import { countRowWrites } from './fleet-reads';
import { processCpuMs } from './process-cpu';
import { pickProbe, rowPaintedSamples } from './row-painted-probe';
import type { Service } from './service';
import { startSimulator, type SimulatorProcess } from './simulator-process';
import { percentile, round } from './stats';
import { openStreams } from './stream-readers';

/** About 6 % of the demo fleet is disabled or frozen and refused: simulating a little more keeps the target live. */
const REFUSED_SHARE = 0.06;
const STATUS_EVERY_MS = 20;

export interface LiveRound {
  connected: number;
  connectRate: number;
  serviceRssMib: number;
  simulatorRssMib: number;
  listP95: number;
  rowWritesPerSecond: number;
  /** Service CPU over the stream window without streams and with `streams` of them, in ms per second. */
  cpuIdle: number;
  cpuStreams: number;
  /** The readers' own CPU, in ms per second: on this machine they share its cores with the service. */
  readersCpu: number;
  streams: number;
  streamBytesPerSecond: number;
  listP95Streams: number;
  /** The list once the streams are closed again. */
  listP95After: number;
  rowPaintedP50: number;
  rowPaintedP95: number;
  interactionWorst: number;
  interactionDetail: Record<string, string | number>;
  forceOfflineMs: number;
  forced: number;
  /** The whole fleet forced offline as a batch task: confirm click to the console showing it ended. */
  taskDoneMs: number;
  taskDevices: number;
  /** "Select all matching" on the whole fleet: click to the count painted, and the bytes it fetched. */
  selectAllMs: number;
  selectAllBytes: number;
}

/** The process's resident memory now, in MiB. */
export async function rssMib(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each process's CPU over `ms`, in ms of CPU per second. */
async function cpuOver(pids: readonly number[], ms: number): Promise<number[]> {
  const read = () => pids.map((pid) => processCpuMs(pid));
  const before = read();
  const started = performance.now();
  await sleep(ms);
  const after = read();
  const seconds = (performance.now() - started) / 1000;
  return pids.map((pid, i) => {
    if (before[i] === undefined || after[i] === undefined) throw new Error(`no CPU time for process ${pid} (not Linux?)`);
    return (after[i]! - before[i]!) / seconds;
  });
}

/** The list's p95 over one round of the list figure's calls. */
async function listP95(context: BenchContext, service: Service): Promise<number> {
  return (await listLatency.run({ ...context, options: { ...context.options, rounds: 1 }, service })).samples[0]!;
}

/**
 * Issue 19's stream figures: the service's CPU with no stream open, then with `streams` open
 * (drained by another process, as consoles would); the list measured with them open, and again
 * once they are closed, so that the figure compares it with the list just before and just after.
 */
async function streamCost(context: BenchContext, service: Service) {
  const { streams, streamWindowMs } = context.options;
  const [cpuIdle] = await cpuOver([service.pid], streamWindowMs);
  const readers = await openStreams(service, streams);
  try {
    // Past the summary every stream gets on opening.
    await sleep(2_000);
    const bytesBefore = readers.bytes();
    const started = performance.now();
    const [cpuStreams, readersCpu] = await cpuOver([service.pid, readers.pid], streamWindowMs);
    const streamBytesPerSecond = (readers.bytes() - bytesBefore) / streams / ((performance.now() - started) / 1000);
    const listP95Streams = await listP95(context, service);
    await readers.stop();
    return { cpuIdle: cpuIdle!, cpuStreams: cpuStreams!, readersCpu: readersCpu!, streamBytesPerSecond, listP95Streams, listP95After: await listP95(context, service) };
  } finally {
    await readers.stop();
  }
}

/** Issue 19's console figures: a device connecting while a console shows its row, then figure 6's interactions, both under the churn. */
async function consoleUnderChurn(context: BenchContext, service: Service, simulated: number) {
  const probe = await pickProbe(service, simulated);
  const page = await openSignedIn(await context.browser(), service.baseUrl, `/?device_name=${encodeURIComponent(probe.name)}`, context.password);
  let painted: number[];
  try {
    await waitForRows(page);
    await page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();
    painted = (await rowPaintedSamples(page, service.mqttUrl!, probe, context.options.probeSamples)).sort((a, b) => a - b);
  } finally {
    await page.context().close();
  }
  const writes = await countRowWrites(service);
  const started = performance.now();
  const interactions = await interactionLatency.run({ ...context, options: { ...context.options, rounds: 1 }, service });
  const writesPerSecond = round((await writes.stop()) / ((performance.now() - started) / 1000), 0);
  return {
    rowPaintedP50: percentile(painted, 50),
    rowPaintedP95: percentile(painted, 95),
    interactionWorst: interactions.samples[0]!,
    interactionDetail: { ...interactions.detail, device_row_writes_per_s: writesPerSecond },
  };
}

/** Bytes the page fetched while `act` ran, on the wire (CDP's encoded lengths, headers included). */
async function bytesFetchedDuring(page: Page, act: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await cdp.send('Network.enable');
  try {
    await act();
  } finally {
    await cdp.detach();
  }
  return bytes;
}

/**
 * In Chromium, the whole fleet: every device is selected by the list's "select all matching"
 * (timed from the click to the count painted, with the bytes it fetched), then forced offline as
 * a batch task, timed from the confirm click until the simulator has seen every live session
 * end, and until the console shows the task ended.
 */
async function forceOfflineLive(context: BenchContext, service: Service, simulator: SimulatorProcess) {
  const page = await openSignedIn(await context.browser(), service.baseUrl, '/', context.password);
  try {
    await waitForRows(page);
    await page.getByRole('checkbox', { name: 'Select all devices on this page' }).check();
    const offer = page.getByRole('button', { name: /^Select all [\d,]+ matching devices$/ });
    const matching = (await offer.textContent())!.match(/[\d,]+/)![0];
    const selected = await armClickToText(page, '.selection-count', `${matching} devices selected`);
    let selectAllMs = 0;
    const selectAllBytes = await bytesFetchedDuring(page, async () => {
      await offer.click();
      selectAllMs = await selected();
    });
    await page.getByRole('button', { name: 'Force offline…' }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: `Force ${matching} devices offline` });
    await confirm.waitFor();
    const ended = await armClickToText(page, 'dialog[open] h2', 'task ended');
    const latest = simulator.latest()!;
    const [sessions, before] = [latest.connected, latest.disconnects];
    const clicked = Date.now();
    await confirm.click();
    const done = await simulator.until((s) => s.disconnects - before >= sessions, 60_000);
    const taskDoneMs = await ended();
    return { forceOfflineMs: Math.max(0, done.at - clicked), forced: sessions, taskDoneMs, taskDevices: Number(matching.replaceAll(',', '')), selectAllMs, selectAllBytes };
  } finally {
    await page.context().close();
  }
}

/**
 * One round on a fresh copy with the gateway on: the simulator connects the devices at once
 * (connected count, CONNACK rate, memory); while they report every 10 s and 1 % flap a minute,
 * the list is measured, then the change streams' cost, then a console following a device that
 * connects and figure 6's interactions; last, the whole fleet is selected and forced offline as a task.
 */
async function liveRound(context: BenchContext): Promise<LiveRound> {
  const simulated = Math.ceil(context.options.liveDevices / (1 - REFUSED_SHARE));
  const service = await context.liveService();
  const simulator = startSimulator({
    url: service.mqttUrl!,
    credentials: path.join(service.dataDir, CREDENTIALS_FILE),
    devices: simulated,
    reportSeconds: 10,
    flapPerMinute: 0.01,
    statusEveryMs: STATUS_EVERY_MS,
  });
  try {
    const first = await simulator.firstAttempts;
    const [serviceRssMib, simulatorRssMib] = await Promise.all([rssMib(service.pid), rssMib(simulator.pid)]);

    const writes = await countRowWrites(service);
    const listStarted = performance.now();
    const list = await listP95(context, service);
    const rowWritesPerSecond = (await writes.stop()) / ((performance.now() - listStarted) / 1000);

    return {
      connected: first.connected,
      connectRate: round(first.connected / (first.ms / 1000), 0),
      serviceRssMib,
      simulatorRssMib,
      listP95: list,
      rowWritesPerSecond: round(rowWritesPerSecond, 0),
      streams: context.options.streams,
      ...(await streamCost(context, service)),
      ...(await consoleUnderChurn(context, service, simulated)),
      ...(await forceOfflineLive(context, service, simulator)),
    };
  } finally {
    await simulator.stop();
    await service.stop();
  }
}

/** The live figures all come from the same rounds, run once for all of them. */
export const liveRounds = measuredOnce(async (context: BenchContext): Promise<LiveRound[]> => {
  const all: LiveRound[] = [];
  for (let r = 0; r < context.options.rounds; r++) all.push(await liveRound(context));
  return all;
});
