import { describe, expect, it } from 'vitest';
import { WriteTurns } from './write-turns';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteTurns', () => {
  it('lets `perTurn` writes through at once and the rest on later turns of the event loop, in order', async () => {
    const turns = new WriteTurns(2);
    const order: string[] = [];
    const writes = [1, 2, 3, 4, 5].map((i) => turns.take().then(() => order.push(`write ${i}`)));
    await Promise.resolve();
    expect(order).toEqual(['write 1', 'write 2']);
    await nextTurn();
    expect(order).toEqual(['write 1', 'write 2', 'write 3', 'write 4']);
    await Promise.all(writes);
    expect(order).toHaveLength(5);
  });

  it('gives a later burst a full turn again once the loop has moved on', async () => {
    const turns = new WriteTurns(2);
    await Promise.all([turns.take(), turns.take()]);
    await nextTurn();
    let through = 0;
    const writes = [turns.take(), turns.take()].map((w) => w.then(() => through++));
    await Promise.resolve();
    expect(through).toBe(2);
    await Promise.all(writes);
  });
});
