/**
 * For figures that report the same rounds (a time and the bytes of one load, say): the first of
 * them to run measures the rounds for `key` (the run's context or service), the others read them.
 */
export function measuredOnce<K extends object, T>(measure: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const measured = new WeakMap<K, Promise<T>>();
  return (key) => {
    let rounds = measured.get(key);
    if (!rounds) {
      rounds = measure(key);
      measured.set(key, rounds);
    }
    return rounds;
  };
}
