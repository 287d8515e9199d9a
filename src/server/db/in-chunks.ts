/** Ids one statement names: far under both dialects' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535). */
export const IDS_PER_STATEMENT = 1_000;

/** `items` cut into runs of at most `size`, one statement each. */
export function inChunks<T>(items: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
