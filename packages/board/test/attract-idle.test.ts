import { describe, expect, it } from 'vitest';
import { attractAfterMs, attractDue, nextAttractCheck } from '../src/attract/attract-idle';

const MINUTE = 60_000;
const quiet = { lastActivityAt: 0, clockRunning: false, othersPresent: 0 };

describe('attract mode waits for an idle board', () => {
  it('starts only once nothing has happened for the whole idle period', () => {
    expect(attractDue(quiet, 10 * MINUTE - 1, 10 * MINUTE)).toBe(false);
    expect(attractDue(quiet, 10 * MINUTE, 10 * MINUTE)).toBe(true);
    // Anything on the board (a tablet's stroke, a touch) starts the wait again.
    expect(attractDue({ ...quiet, lastActivityAt: 9 * MINUTE }, 10 * MINUTE, 10 * MINUTE)).toBe(
      false,
    );
  });

  it('never starts while a routine’s clock runs or another device is on the board', () => {
    const later = 60 * MINUTE;
    expect(attractDue({ ...quiet, clockRunning: true }, later, MINUTE)).toBe(false);
    expect(attractDue({ ...quiet, othersPresent: 1 }, later, MINUTE)).toBe(false);
  });

  it('looks again when it may be due, neither busily nor late', () => {
    expect(nextAttractCheck(quiet, 0, 3_000)).toBe(3_000);
    expect(nextAttractCheck(quiet, 0, 10 * MINUTE)).toBe(5_000);
    expect(nextAttractCheck(quiet, 2_990, 3_000)).toBe(250);
  });

  it('reads ?attract=<minutes>: 10 by default, 0 for never', () => {
    expect(attractAfterMs('')).toBe(10 * MINUTE);
    expect(attractAfterMs('?attract=0.05')).toBe(3_000);
    expect(attractAfterMs('?attract=0')).toBeNull();
    expect(attractAfterMs('?attract=soon')).toBeNull();
  });
});
