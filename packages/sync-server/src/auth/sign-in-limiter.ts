/** Wrong PINs allowed from one address before it must wait. */
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;

export interface FailureRecord {
  count: number;
  until: number;
}

/**
 * Where failed tries are kept, so a restart does not hand out fresh guesses (and, in a
 * cluster, so every process counts the same tries). `update` reads and writes one address's
 * record atomically: guesses sent to several processes at once are counted one by one.
 * SQLite answers at once; PostgreSQL with a promise.
 */
export interface FailureStore {
  update<T>(
    address: string,
    change: (record: FailureRecord | undefined) => { next: FailureRecord | null; result: T },
  ): T | Promise<T>;
  delete(address: string): void | Promise<void>;
}

/** Failed tries in memory (unit tests; the server keeps them in its database). */
export function memoryFailureStore(): FailureStore {
  const map = new Map<string, FailureRecord>();
  return {
    update(address, change) {
      const { next, result } = change(map.get(address));
      if (next) map.set(address, next);
      else map.delete(address);
      return result;
    },
    delete: (address) => void map.delete(address),
  };
}

/**
 * Slows PIN (and setup code) guessing per address: the first five tries are free; from then
 * on each try waits twice as long as the last (1 s, 2 s, 4 s … up to 15 min). A try is
 * counted as wrong *before* the slow check runs and cleared if it was right, so guesses sent
 * all at once are throttled exactly like guesses sent one after another.
 */
export class SignInLimiter {
  constructor(
    private readonly store: FailureStore = memoryFailureStore(),
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts a try: 0 if it may go ahead (it is counted as wrong until `succeeded`), else the
   * milliseconds to wait (nothing is counted).
   */
  begin(address: string): number | Promise<number> {
    return this.store.update(address, (record) => {
      // Read the clock with the record in hand: a try that waited for another's row lock
      // must not find that one's free try still in the future.
      const now = this.now();
      const wait = record ? Math.max(0, record.until - now) : 0;
      if (wait > 0) return { next: record ?? null, result: wait };
      const count = (record?.count ?? 0) + 1;
      const delay =
        count < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_ATTEMPTS));
      return { next: { count, until: now + delay }, result: 0 };
    });
  }

  succeeded(address: string): void | Promise<void> {
    return this.store.delete(address);
  }
}
