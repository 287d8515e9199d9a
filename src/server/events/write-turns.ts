/**
 * Lets at most `perTurn` stream writes run before the event loop takes its turn at I/O. Every
 * stream of a workspace wakes on the same feed event and writes at once: 200 open consoles made
 * one burst of 200 socket writes four times a second, and a list request that arrived meanwhile
 * waited behind all of them. Writes past the limit wait for the next turn of the loop, in order.
 */
export class WriteTurns {
  #used = 0;
  #waiting: Array<() => void> = [];
  #turnScheduled = false;

  constructor(private readonly perTurn: number) {}

  take(): Promise<void> {
    this.#scheduleTurn();
    if (this.#used < this.perTurn) {
      this.#used++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #scheduleTurn(): void {
    if (this.#turnScheduled) return;
    this.#turnScheduled = true;
    // An immediate runs after the loop's I/O: whatever arrived during the burst goes first.
    setImmediate(() => {
      this.#turnScheduled = false;
      const next = this.#waiting.splice(0, this.perTurn);
      this.#used = next.length;
      for (const resolve of next) resolve();
      if (this.#waiting.length > 0) this.#scheduleTurn();
    });
  }
}
