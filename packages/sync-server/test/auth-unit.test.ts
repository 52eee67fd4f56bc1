import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../src/auth/pin-hash';
import { FREE_ATTEMPTS, SignInLimiter } from '../src/auth/sign-in-limiter';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, and verifies only the right PIN', async () => {
    const stored = await hashPin('482915');
    expect(stored).toMatch(/^scrypt\$16384\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('482915');
    expect(await hashPin('482915')).not.toBe(stored); // a new salt every time
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
    expect(await verifyPin('482915', 'plain$text')).toBe(false);
  });
});

describe('sign-in limiter', () => {
  it('allows a few wrong PINs, then doubles the wait, and forgives a right one', () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(limiter.waitMs('10.0.0.7')).toBe(0);
      limiter.failed('10.0.0.7');
    }
    expect(limiter.waitMs('10.0.0.7')).toBe(0);
    limiter.failed('10.0.0.7');
    expect(limiter.waitMs('10.0.0.7')).toBe(1000);
    now = 1000;
    limiter.failed('10.0.0.7');
    expect(limiter.waitMs('10.0.0.7')).toBe(2000);
    expect(limiter.waitMs('10.0.0.8')).toBe(0); // another address is not affected
    limiter.succeeded('10.0.0.7');
    expect(limiter.waitMs('10.0.0.7')).toBe(0);
  });
});
