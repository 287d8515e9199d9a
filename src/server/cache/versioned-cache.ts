/** Where the database offers one: a value that differs whenever its contents may have changed. */
export type DataVersion = () => string;

export interface VersionedCacheLimits {
  maxEntries: number;
  /** The sum of every entry's `weight`, where entries are weighed; an entry heavier than this alone is not kept. */
  maxWeight?: number;
}

/**
 * Answers computed at one version of the database, all forgotten once the version moves on. An
 * answer is kept only if the version was the same before and after it was computed, so it cannot
 * hold data from between two writes; the least recently used entries go first when it is full.
 */
export class VersionedCache<V> {
  #version: string | undefined;
  readonly #entries = new Map<string, { value: V; weight: number }>();
  #weight = 0;

  readonly #maxEntries: number;
  readonly #maxWeight: number;

  constructor({ maxEntries, maxWeight = Number.POSITIVE_INFINITY }: VersionedCacheLimits) {
    this.#maxEntries = maxEntries;
    this.#maxWeight = maxWeight;
  }

  /** The entry of `key` if it was computed at `version`, the database's version now. */
  get(version: string, key: string): V | undefined {
    if (version !== this.#version) {
      this.#clear(version);
      return undefined;
    }
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserting moves it to the end: the Map's order is the order of use.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value`, computed between reading `before` and `after`, if nothing changed in between. */
  set(before: string, after: string, key: string, value: V, weight = 1): void {
    if (before !== after || weight > this.#maxWeight) return;
    if (before !== this.#version) this.#clear(before);
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#weight -= old.weight;
    }
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#weight <= this.#maxWeight) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }

  #clear(version: string): void {
    this.#version = version;
    this.#entries.clear();
    this.#weight = 0;
  }
}

export interface CachedReadOptions<V> {
  /** The entry's share of `maxWeight`; 1 when absent. */
  weigh?: (value: V) => number;
  /** Compute even if an answer is kept (HTTP's `Cache-Control: no-cache`), and keep the new one. */
  refresh?: boolean;
}

/**
 * Reads through `cache`: the kept answer of `key` while the database is unchanged, otherwise a
 * fresh one from `compute` (kept unless undefined). Without a data version every call computes.
 */
export async function cachedRead<V>(
  cache: VersionedCache<V>,
  dataVersion: DataVersion | undefined,
  key: string,
  compute: () => Promise<V>,
  { weigh, refresh = false }: CachedReadOptions<V> = {},
): Promise<V> {
  if (!dataVersion) return compute();
  const before = dataVersion();
  const kept = cache.get(before, key);
  if (kept !== undefined && !refresh) return kept;
  const value = await compute();
  if (value !== undefined) cache.set(before, dataVersion(), key, value, weigh?.(value));
  return value;
}
