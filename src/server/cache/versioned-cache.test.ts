import { describe, expect, it } from 'vitest';
import { cachedRead, VersionedCache } from './versioned-cache';

const roomy = { maxEntries: 10, maxWeight: 1_000 };

describe('VersionedCache', () => {
  it('answers what was kept at the same version, and forgets everything when the version moves', () => {
    const cache = new VersionedCache<string>(roomy);
    cache.set('v1', 'v1', 'a', 'A');
    expect(cache.get('v1', 'a')).toBe('A');
    expect(cache.get('v2', 'a')).toBeUndefined();
    // Going back to an old version does not bring its entries back.
    expect(cache.get('v1', 'a')).toBeUndefined();
  });

  it('keeps nothing computed while the version changed', () => {
    const cache = new VersionedCache<string>(roomy);
    cache.set('v1', 'v2', 'a', 'A');
    expect(cache.get('v1', 'a')).toBeUndefined();
    expect(cache.get('v2', 'a')).toBeUndefined();
  });

  it('drops the least recently used entry past its count', () => {
    const cache = new VersionedCache<string>({ maxEntries: 2, maxWeight: 1_000 });
    cache.set('v', 'v', 'a', 'A');
    cache.set('v', 'v', 'b', 'B');
    expect(cache.get('v', 'a')).toBe('A');
    cache.set('v', 'v', 'c', 'C');
    expect(cache.get('v', 'b')).toBeUndefined();
    expect(cache.get('v', 'a')).toBe('A');
    expect(cache.get('v', 'c')).toBe('C');
  });

  it('keeps its entries within their total weight, and never one heavier than that', () => {
    const cache = new VersionedCache<string>({ maxEntries: 10, maxWeight: 10 });
    cache.set('v', 'v', 'a', 'A', 6);
    cache.set('v', 'v', 'b', 'B', 6);
    expect(cache.get('v', 'a')).toBeUndefined();
    expect(cache.get('v', 'b')).toBe('B');
    cache.set('v', 'v', 'huge', 'H', 11);
    expect(cache.get('v', 'huge')).toBeUndefined();
    expect(cache.get('v', 'b')).toBe('B');
  });

  it('counts a replaced entry once', () => {
    const cache = new VersionedCache<string>({ maxEntries: 10, maxWeight: 10 });
    cache.set('v', 'v', 'a', 'A1', 5);
    cache.set('v', 'v', 'a', 'A2', 5);
    cache.set('v', 'v', 'b', 'B', 5);
    expect(cache.get('v', 'a')).toBe('A2');
    expect(cache.get('v', 'b')).toBe('B');
  });
});

describe('cachedRead', () => {
  it('computes once per version', async () => {
    let version = 1;
    let computed = 0;
    const cache = new VersionedCache<number>(roomy);
    const read = () => cachedRead(cache, () => String(version), 'k', async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    version = 2;
    expect(await read()).toBe(2);
    expect(computed).toBe(2);
  });

  it('does not keep an answer during which the database changed', async () => {
    let version = 1;
    let computed = 0;
    const cache = new VersionedCache<number>(roomy);
    const read = () =>
      cachedRead(cache, () => String(version), 'k', async () => {
        computed++;
        if (computed === 1) version++;
        return computed;
      });
    expect(await read()).toBe(1);
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  it('computes again when asked to refresh, and keeps the new answer', async () => {
    let computed = 0;
    const cache = new VersionedCache<number>(roomy);
    const read = (refresh: boolean) => cachedRead(cache, () => 'v', 'k', async () => ++computed, { refresh });
    expect(await read(false)).toBe(1);
    expect(await read(true)).toBe(2);
    expect(await read(false)).toBe(2);
  });

  it('always computes without a data version, and never keeps undefined', async () => {
    let computed = 0;
    const cache = new VersionedCache<number | undefined>(roomy);
    await cachedRead(cache, undefined, 'k', async () => ++computed);
    await cachedRead(cache, undefined, 'k', async () => ++computed);
    expect(computed).toBe(2);
    await cachedRead(cache, () => 'v', 'none', async () => (computed++, undefined));
    await cachedRead(cache, () => 'v', 'none', async () => (computed++, undefined));
    expect(computed).toBe(4);
  });
});
