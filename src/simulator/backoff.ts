/** Reconnection delays: exponential from `baseMs` to `maxMs`, with full jitter so a fleet that dropped together does not return together. */
export class Backoff {
  #attempt = 0;

  constructor(
    private readonly baseMs = 1_000,
    private readonly maxMs = 60_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** this.#attempt);
    this.#attempt = Math.min(this.#attempt + 1, 30);
    return Math.round(ceiling * this.random());
  }

  reset(): void {
    this.#attempt = 0;
  }
}
