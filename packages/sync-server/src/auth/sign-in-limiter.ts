/** Wrong PINs allowed from one address before it must wait. */
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;

/** Where failed tries are kept, so a restart does not hand out fresh guesses. */
export interface FailureStore {
  get(address: string): { count: number; until: number } | undefined;
  put(address: string, count: number, until: number): void;
  delete(address: string): void;
}

/** Failed tries in memory (unit tests; the server keeps them in its database). */
export function memoryFailureStore(): FailureStore {
  const map = new Map<string, { count: number; until: number }>();
  return {
    get: (address) => map.get(address),
    put: (address, count, until) => void map.set(address, { count, until }),
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

  /** Milliseconds this address must still wait before it may try again (0: go ahead). */
  waitMs(address: string): number {
    const record = this.store.get(address);
    return record ? Math.max(0, record.until - this.now()) : 0;
  }

  /**
   * Starts a try: 0 if it may go ahead (it is counted as wrong until `succeeded`), else the
   * milliseconds to wait (nothing is counted).
   */
  begin(address: string): number {
    const wait = this.waitMs(address);
    if (wait > 0) return wait;
    const count = (this.store.get(address)?.count ?? 0) + 1;
    const delay =
      count < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_ATTEMPTS));
    this.store.put(address, count, this.now() + delay);
    return 0;
  }

  succeeded(address: string): void {
    this.store.delete(address);
  }
}
