import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../src/auth/pin-hash';
import { FREE_ATTEMPTS, memoryFailureStore, SignInLimiter } from '../src/auth/sign-in-limiter';

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
  it('counts a try before it is checked: five go ahead, the sixth waits, the wait doubles', () => {
    let now = 0;
    const limiter = new SignInLimiter(memoryFailureStore(), () => now);
    // Five tries started at once (none has been checked yet) all go ahead…
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect(limiter.begin('10.0.0.7')).toBe(0);
    // …and the sixth, still at the same instant, must wait.
    expect(limiter.begin('10.0.0.7')).toBe(1000);
    expect(limiter.begin('10.0.0.8')).toBe(0); // another address is not affected
    now = 1000;
    expect(limiter.begin('10.0.0.7')).toBe(0);
    expect(limiter.begin('10.0.0.7')).toBe(2000);
    limiter.succeeded('10.0.0.7');
    expect(limiter.begin('10.0.0.7')).toBe(0);
  });
});
