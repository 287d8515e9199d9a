import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { launchBrowser } from './browser';
import { calibrationMs } from './calibrate';
import { ensureConsoleBuilt } from './console-build';
import type { BenchContext, Figure, FigureResult } from './figure';
import { deviceExport, deviceExportMemory } from './figures/device-export';
import { deviceExportClick } from './figures/device-export-click';
import { firstLoadJs } from './figures/first-load-js';
import { firstLoadSlowLink, firstLoadWire } from './figures/first-load-slow-link';
import { forceOfflineBulk } from './figures/force-offline';
import { interactionLatency } from './figures/interaction-latency';
import { listWithStreams, liveInteractionLatency, liveRowPainted, streamCpu } from './figures/live-console';
import { connectRate, liveForceOffline, liveListLatency, liveSessions } from './figures/live-fleet';
import { selectAllBytes, selectAllMatching, taskForceOffline } from './figures/live-tasks';
import { listLatency } from './figures/list-latency';
import { listPageWire } from './figures/list-page-wire';
import { listThroughput, listThroughputFresh } from './figures/list-throughput';
import { seedTime, serviceRss, startUp } from './figures/fleet-scale';
import { summaryLatency } from './figures/summary-latency';
import { optimisticFeedback } from './figures/optimistic-feedback';
import { postgresFleet } from './fleet-postgres';
import { sqliteFleet } from './fleet-sqlite';
import { benchOptions } from './options';
import { WEB_ROOT } from './paths';
import { notMeasured, printLoad, printTable, resultOf, writeResults } from './report';
import { startService, type Service } from './service';
import { round } from './stats';

/** Issue 6's figures in its order, then issue 23's of live devices, issue 19's of the live console, issue 24's of the wire, issue 20's and issue 22's. */
const LIVE = [liveSessions, connectRate, liveForceOffline, liveListLatency, liveRowPainted, liveInteractionLatency, streamCpu, listWithStreams, selectAllMatching, selectAllBytes, taskForceOffline];
const WIRE = [firstLoadSlowLink, firstLoadWire, listPageWire];
const EXPORT = [deviceExport, deviceExportMemory, deviceExportClick];
const FIGURES = [firstLoadJs, listLatency, listThroughput, forceOfflineBulk, optimisticFeedback, interactionLatency, ...LIVE, ...WIRE, summaryLatency, listThroughputFresh, seedTime, startUp, serviceRss, ...EXPORT];
// Figures that change devices run last, so the others read the fleet as seeded.
const RUN_ORDER = [firstLoadJs, ...WIRE, listLatency, summaryLatency, ...EXPORT, listThroughput, listThroughputFresh, seedTime, startUp, serviceRss, interactionLatency, optimisticFeedback, forceOfflineBulk, ...LIVE];

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Set by Ctrl-C or a kill: the run measures and reports nothing more while it cleans up, then exits. */
let interrupted = false;

async function main(): Promise<void> {
  const options = benchOptions();
  const unknown = options.only?.filter((id) => !FIGURES.some((f) => f.spec.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`no figure ${unknown.join(', ')}: the ids are ${FIGURES.map((f) => f.spec.id).join(', ')}`);
  const chosen = (figure: Figure) => !options.only || options.only.includes(figure.spec.id);
  const loadAtStart = round(loadavg()[0]!, 2);
  const calibration = calibrationMs();
  const work = await mkdtemp(path.join(tmpdir(), 'device-console-bench-'));
  const opening = options.db === 'postgres' ? postgresFleet(work) : Promise.resolve(sqliteFleet(work));
  const password = randomBytes(12).toString('base64url');
  let browser: Browser | undefined;
  const running = new Set<Service>();
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await Promise.all([...running].map((service) => service.stop()));
      await browser?.close();
      await (await opening.catch(() => undefined))?.close();
      await rm(work, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // PostgreSQL's server runs in a session of its own, out of reach of the terminal's Ctrl-C: the bench
    // stops it on the way out, which a second Ctrl-C must not cut short.
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      // Connections the run still holds (the seed's, say) break as the server stops; the run is over, so that is no crash.
      process.on('uncaughtException', () => {});
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const serviceOn = async (mqtt = false) => {
    const fleet = await opening;
    // A live service runs beside the main one, so it takes any free port.
    const service = await startService({ port: mqtt ? 0 : options.port, ...(await fleet.copy()), devices: options.devices, password, webRoot: WEB_ROOT, mqtt });
    running.add(service);
    return {
      ...service,
      stop: async () => {
        running.delete(service);
        await service.stop();
      },
    };
  };

  try {
    const fleet = await opening;
    say(`Device Console bench (${options.quick ? 'quick' : 'full'}): seeding ${options.devices.toLocaleString('en-US')} devices on ${fleet.engine}…`);
    const seeded = await fleet.seed(options.devices, password);
    say(`  seeded in ${Math.round(seeded.ms)} ms`);
    // The console may fail to build while someone edits it; the server figures are measured regardless.
    let consoleProblem: string | undefined;
    try {
      if (await ensureConsoleBuilt()) say('  built the console');
    } catch (error) {
      consoleProblem = `the console did not build: ${error instanceof Error ? error.message : String(error)}`;
    }

    const context: BenchContext = {
      options,
      password,
      seededMs: seeded.ms,
      service: await serviceOn(),
      browser: async () => {
        if (consoleProblem) throw new Error(consoleProblem);
        browser ??= await launchBrowser();
        return browser;
      },
      liveService: () => serviceOn(true),
      restartOnFreshCopy: async () => {
        await context.service.stop();
        context.service = await serviceOn();
        return context.service;
      },
    };

    const results = new Map<Figure, FigureResult>();
    try {
      for (const figure of RUN_ORDER.filter(chosen)) {
        if (interrupted) break;
        say(`  measuring: ${figure.spec.title}…`);
        const started = performance.now();
        try {
          results.set(figure, resultOf(figure, await figure.run(context)));
        } catch (error) {
          results.set(figure, notMeasured(figure, error instanceof Error ? error.message.split('\n')[0]! : String(error)));
        }
        say(`    (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    } finally {
      await context.service.stop();
    }
    if (interrupted) return;

    const ordered = FIGURES.filter(chosen).map((f) => results.get(f)!);
    const load = { cores: availableParallelism(), loadAtStart, loadAtEnd: round(loadavg()[0]!, 2), calibrationMs: calibration };
    say('');
    printTable(ordered, options, fleet.engine);
    printLoad(load);
    // A partial run leaves the full run's results as they are.
    if (options.only) return;
    await writeResults(options.out, options, fleet.engine, load, ordered);
    say(`\nWrote ${path.relative(process.cwd(), options.out) || options.out}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  if (interrupted) return;
  console.error('The bench harness failed:', error);
  process.exit(1);
});
