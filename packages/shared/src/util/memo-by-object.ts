/**
 * `compute`, remembered per argument object. Yjs hands back the same object for a record
 * (and its bytes) until the record is replaced, so a cache keyed by the object is
 * invalidated by edits for free, and freed with the record. Callers must not change results.
 */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
