import { describe, expect, it } from 'vitest';
import { Roster } from '../src/pencil/roster';

describe('Roster', () => {
  it('counts someone who dropped off as here for the grace, then not', () => {
    const roster = new Roster(1_000);
    expect(roster.here(['a', 'b'], new Set(['a', 'b']), 0)).toEqual(['a', 'b']);
    expect(roster.here(['a', 'b'], new Set(['a']), 999)).toEqual(['a', 'b']);
    expect(roster.awaySince('b', new Set(['a']))).toBe(0);
    expect(roster.nextExpiry(['a', 'b'], new Set(['a']), 999)).toBe(1_000);
    expect(roster.here(['a', 'b'], new Set(['a']), 1_000)).toEqual(['a']);
    expect(roster.nextExpiry(['a', 'b'], new Set(['a']), 1_000)).toBeNull();
  });

  it('never counts someone it has not seen, and keeps the candidates’ order', () => {
    const roster = new Roster(1_000);
    roster.greet('c', 0);
    expect(roster.here(['c', 'b', 'a'], new Set(['a']), 10)).toEqual(['c', 'a']);
    expect(roster.awaySince('a', new Set(['a']))).toBeNull();
  });
});
