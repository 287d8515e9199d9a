import { round, spread } from './stats';

/** A page-sized object: 50 records of 30 fields, strings and numbers, like a list answer. */
function samplePage(): unknown {
  return Array.from({ length: 50 }, (_, i) =>
    Object.fromEntries(Array.from({ length: 30 }, (_, f) => [`field_${f}`, f % 2 === 0 ? `value-${i}-${f}-${'x'.repeat(f)}` : i * 1_000 + f])),
  );
}

/**
 * The time this machine takes for a fixed piece of work (serialising and parsing that page 500
 * times), the median of five runs: read figures from two runs in its light, so that a slower
 * machine is not taken for slower code (the same service has measured 3× apart).
 */
export function calibrationMs(): number {
  const page = samplePage();
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    for (let i = 0; i < 500; i++) JSON.parse(JSON.stringify(page));
    runs.push(performance.now() - started);
  }
  return round(spread(runs).median, 1);
}
