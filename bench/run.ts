import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { launchBrowser } from './browser';
import { calibrationMs } from './calibrate';
import { ensureConsoleBuilt } from './console-build';
import type { BenchContext, Figure, FigureResult } from './figure';
import { firstLoadJs } from './figures/first-load-js';
import { firstLoadSlowLink, firstLoadWire } from './figures/first-load-slow-link';
import { forceOfflineBulk } from './figures/force-offline';
import { interactionLatency } from './figures/interaction-latency';
import { listWithStreams, liveInteractionLatency, liveRowPainted, streamCpu } from './figures/live-console';
import { connectRate, liveForceOffline, liveListLatency, liveSessions } from './figures/live-fleet';
import { selectAllBytes, selectAllMatching, taskForceOffline } from './figures/live-tasks';
import { listLatency } from './figures/list-latency';
import { listPageWire } from './figures/list-page-wire';
import { listThroughput } from './figures/list-throughput';
import { summaryLatency } from './figures/summary-latency';
import { optimisticFeedback } from './figures/optimistic-feedback';
import { copyFleet, seedFleet } from './fleet-db';
import { benchOptions } from './options';
import { WEB_ROOT } from './paths';
import { notMeasured, printLoad, printTable, resultOf, writeResults } from './report';
import { startService } from './service';
import { round } from './stats';

/** Issue 6's figures in its order, then issue 23's of live devices, issue 19's of the live console, issue 24's of the wire and issue 20's. */
const LIVE = [liveSessions, connectRate, liveForceOffline, liveListLatency, liveRowPainted, liveInteractionLatency, streamCpu, listWithStreams, selectAllMatching, selectAllBytes, taskForceOffline];
const WIRE = [firstLoadSlowLink, firstLoadWire, listPageWire];
const FIGURES = [firstLoadJs, listLatency, listThroughput, forceOfflineBulk, optimisticFeedback, interactionLatency, ...LIVE, ...WIRE, summaryLatency];
// Figures that change devices run last, so the others read the fleet as seeded.
const RUN_ORDER = [firstLoadJs, ...WIRE, listLatency, summaryLatency, listThroughput, interactionLatency, optimisticFeedback, forceOfflineBulk, ...LIVE];

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = benchOptions();
  const unknown = options.only?.filter((id) => !FIGURES.some((f) => f.spec.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`no figure ${unknown.join(', ')}: the ids are ${FIGURES.map((f) => f.spec.id).join(', ')}`);
  const chosen = (figure: Figure) => !options.only || options.only.includes(figure.spec.id);
  const loadAtStart = round(loadavg()[0]!, 2);
  const calibration = calibrationMs();
  const work = await mkdtemp(path.join(tmpdir(), 'device-console-bench-'));
  const password = randomBytes(12).toString('base64url');
  const seedDir = path.join(work, 'seed');
  let browser: Browser | undefined;
  let copies = 0;
  const serviceOn = async (mqtt = false) => {
    const dataDir = path.join(work, `run-${++copies}`);
    await copyFleet(seedDir, dataDir);
    // A live service runs beside the main one, so it takes any free port.
    return startService({ port: mqtt ? 0 : options.port, dataDir, devices: options.devices, password, webRoot: WEB_ROOT, mqtt });
  };

  try {
    say(`Device Console bench (${options.quick ? 'quick' : 'full'}): seeding ${options.devices.toLocaleString('en-US')} devices…`);
    const seeded = await seedFleet(seedDir, options.devices, password);
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

    const ordered = FIGURES.filter(chosen).map((f) => results.get(f)!);
    const load = { cores: availableParallelism(), loadAtStart, loadAtEnd: round(loadavg()[0]!, 2), calibrationMs: calibration };
    say('');
    printTable(ordered, options);
    printLoad(load);
    // A partial run leaves the full run's results as they are.
    if (options.only) return;
    await writeResults(options.out, options, load, ordered);
    say(`\nWrote ${path.relative(process.cwd(), options.out) || options.out}`);
  } finally {
    await browser?.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The bench harness failed:', error);
  process.exit(1);
});
