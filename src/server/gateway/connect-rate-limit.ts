/**
 * New connections allowed per client address: a token bucket per address, refilled at `perSecond`
 * up to `burst`. A flood of CONNECTs from one address is cut at the socket, before any MQTT is read.
 */
export class ConnectRateLimit {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #sweptAt = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(address: string): boolean {
    const at = this.now();
    this.#sweep(at);
    const bucket = this.#buckets.get(address) ?? { tokens: this.burst, at };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.perSecond);
    bucket.at = at;
    this.#buckets.set(address, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Forgets addresses whose bucket has filled up again, so the map holds only recent ones. */
  #sweep(at: number): void {
    const fullAfterMs = (this.burst / this.perSecond) * 1000;
    if (at - this.#sweptAt < fullAfterMs) return;
    this.#sweptAt = at;
    for (const [address, bucket] of this.#buckets) if (at - bucket.at >= fullAfterMs) this.#buckets.delete(address);
  }
}
