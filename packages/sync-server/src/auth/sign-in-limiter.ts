/** Wrong PINs allowed from one address before it must wait. */
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;

/**
 * Slows PIN guessing per address: after a few wrong PINs each further one doubles the wait
 * (1 s, 2 s, 4 s … up to 15 min). A right PIN clears the address's record.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds this address must still wait before it may try again (0: go ahead). */
  waitMs(address: string): number {
    const record = this.failures.get(address);
    return record ? Math.max(0, record.until - this.now()) : 0;
  }

  failed(address: string): void {
    const count = (this.failures.get(address)?.count ?? 0) + 1;
    const wait =
      count <= FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_ATTEMPTS - 1));
    this.failures.set(address, { count, until: this.now() + wait });
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
