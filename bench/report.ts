import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Figure, FigureResult, Measured } from './figure';
import type { BenchOptions } from './options';
import { spread } from './stats';

export function resultOf(figure: Figure, measured: Measured): FigureResult {
  const { median, min, max } = spread(measured.samples);
  const goal = figure.spec.goal;
  const met = goal ? (goal.op === '<=' ? median <= goal.value : median >= goal.value) : null;
  return { ...figure.spec, median, min, max, samples: measured.samples, met, detail: measured.detail };
}

export function notMeasured(figure: Figure, reason: string): FigureResult {
  return { ...figure.spec, median: null, min: null, max: null, samples: [], met: null, na: reason };
}

const cell = (value: number | null) => (value === null ? 'n/a' : String(value));

/** The table on stdout: one line a figure, then what explains each; `engine` is the database the service ran on. */
export function printTable(results: readonly FigureResult[], options: BenchOptions, engine: string): void {
  const rows = results.map((r, i) => [
    String(i + 1),
    r.title,
    `${cell(r.median)} ${r.unit}`,
    r.min === null ? 'n/a' : `${r.min} – ${r.max}`,
    r.goal ? `${r.goal.op === '<=' ? '≤' : '≥'} ${r.goal.value} ${r.unit}` : 'reported',
    r.median === null ? 'n/a' : r.met === null ? '' : r.met ? 'met' : 'NOT met',
  ]);
  const header = ['#', 'figure', 'median', `spread (min – max, ${options.rounds} round${options.rounds === 1 ? '' : 's'})`, 'goal', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((text, c) => text.padEnd(widths[c]!)).join('  ').trimEnd();
  // Which fleet the figures are of: issue 20's goals are set at 1,000,000 devices.
  const fleet = `engine: ${engine}, ${options.devices.toLocaleString('en-US')} devices`;
  const out = [fleet, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const [i, r] of results.entries()) {
    if (r.na) out.push(`${i + 1}. n/a: ${r.na}`);
    else if (r.detail) out.push(`${i + 1}. ${Object.entries(r.detail).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The machine's 1-minute load average at the start and end: above its core count, other work competed with the figures. */
export interface MachineLoad {
  cores: number;
  loadAtStart: number;
  /** bench/calibrate.ts: lower is a faster machine. */
  calibrationMs: number;
  loadAtEnd: number;
}

export function printLoad(load: MachineLoad): void {
  process.stdout.write(`\nLoad average (1 min) on ${load.cores} cores: ${load.loadAtStart} at the start, ${load.loadAtEnd} at the end.\n`);
  process.stdout.write(`Machine speed: a fixed JSON workload took ${load.calibrationMs} ms (lower is faster; compare runs by it).\n`);
}

export async function writeResults(file: string, options: BenchOptions, engine: string, load: MachineLoad, results: readonly FigureResult[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const document = {
    mode: options.quick ? 'quick' : 'full',
    engine,
    devices: options.devices,
    rounds: options.rounds,
    finishedAt: new Date().toISOString(),
    node: process.version,
    ...load,
    figures: results,
  };
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
}
