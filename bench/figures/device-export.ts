import type { BenchContext, Figure, FigureSpec, Measured } from '../figure';
import { rssMib } from '../live-round';
import { measuredOnce } from '../measured-once';
import { round } from '../stats';

const EXPORT_PATH = '/console/v1/projects/default/instances/default/devices/export';
const SAMPLE_EVERY_MS = 25;

interface ExportRound {
  ms: number;
  growthMib: number;
  rows: number;
  bytes: number;
}

/** One export of the whole fleet, read to its end as a browser saving the file would, sampling the service's memory meanwhile. */
async function exportOnce(baseUrl: string, token: string, pid: number): Promise<ExportRound> {
  const before = await rssMib(pid);
  let peak = before;
  const sampler = setInterval(() => {
    void rssMib(pid).then((mib) => {
      peak = Math.max(peak, mib);
    });
  }, SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${EXPORT_PATH}?sort=device_name`, { headers: { 'x-auth-token': token } });
    if (res.status !== 200 || !res.body) throw new Error(`the export answered ${res.status}`);
    let bytes = 0;
    let rows = -1;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) rows++;
    }
    return { ms: performance.now() - started, growthMib: peak - before, rows, bytes };
  } finally {
    clearInterval(sampler);
  }
}

/** The export rounds of this bench run, measured once for both figures. */
const exportRounds = measuredOnce(async (context: BenchContext) => {
  const all: ExportRound[] = [];
  for (let r = 0; r < context.options.rounds; r++) all.push(await exportOnce(context.service.baseUrl, context.service.token, context.service.pid));
  return all;
});

const exportFigure = (spec: FigureSpec, pick: (rounds: ExportRound[]) => Measured): Figure => ({ spec, run: async (context) => pick(await exportRounds(context)) });

/** Issue 22: every device as CSV from the service, sorted by name, read to its last byte as a browser saving the file would. */
export const deviceExport = exportFigure({ id: 'csv-export', title: 'CSV export of the whole fleet: request to last byte', unit: 'ms', goal: { op: '<=', value: 5_000 } }, (all) => ({
  samples: all.map((x) => round(x.ms, 0)),
  detail: { rows: all.at(-1)!.rows, mib: round(all.at(-1)!.bytes / 1024 / 1024, 1) },
}));

export const deviceExportMemory = exportFigure({ id: 'csv-export-memory', title: 'service memory growth during that export', unit: 'MiB', goal: { op: '<=', value: 50 } }, (all) => ({
  samples: all.map((x) => x.growthMib),
  detail: { sampled_every_ms: SAMPLE_EVERY_MS },
}));
