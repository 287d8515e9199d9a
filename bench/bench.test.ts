import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { FigureResult } from './figure';
import { ROOT } from './paths';

/** Issue 6's, 23's, 19's, 24's, 20's and 22's figures: the quick run must produce a number for each, or the harness has rotted. */
const FIGURE_IDS = [
  'first-load-js',
  'list-p95',
  'list-throughput',
  'force-offline',
  'optimistic-feedback',
  'interaction-latency',
  'live-sessions',
  'connect-rate',
  'live-force-offline',
  'list-p95-live',
  'live-row-painted',
  'interaction-latency-live',
  'stream-cpu',
  'list-p95-streams',
  'select-all-matching',
  'select-all-bytes',
  'task-force-offline',
  'first-load-slow-link',
  'first-load-wire',
  'list-page-wire',
  'summary-p95',
  'list-throughput-fresh',
  'seed',
  'start-up',
  'service-rss',
  'csv-export',
  'csv-export-memory',
  'csv-export-click',
];

const out = path.join(tmpdir(), `device-console-bench-${process.pid}.json`);
afterAll(() => rm(out, { force: true }));

/** Runs the bench entry of `npm run bench` in quick mode, on a port the system picks; its output explains a failure. */
function runQuickBench(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_PORT: '0', BENCH_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

it('measures every figure in quick mode', { timeout: 180_000 }, async () => {
  const { code, output } = await runQuickBench();
  expect(code, output).toBe(0);
  const results = JSON.parse(await readFile(out, 'utf8')) as { mode: string; engine: string; devices: number; calibrationMs: number; figures: FigureResult[] };
  expect(results).toMatchObject({ mode: 'quick', engine: 'SQLite', devices: 2_000 });
  expect(output).toContain('engine: SQLite, 2,000 devices');
  expect(results.calibrationMs).toBeGreaterThan(0);
  expect(results.figures.map((f) => f.id)).toEqual(FIGURE_IDS);
  for (const figure of results.figures) {
    expect(figure.na, `${figure.id}: ${figure.na}`).toBeUndefined();
    for (const value of [figure.median, figure.min, figure.max]) expect(Number.isFinite(value), figure.id).toBe(true);
    // A figure without a goal is reported only.
    expect(figure.met === null, figure.id).toBe(figure.goal === undefined);
  }
});
