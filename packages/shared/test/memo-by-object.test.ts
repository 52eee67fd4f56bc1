import { describe, expect, it } from 'vitest';
import { memoByObject } from '../src/util/memo-by-object';

describe('memoByObject', () => {
  it('computes once per argument object, again for a new object', () => {
    let calls = 0;
    const size = memoByObject((record: { points: number[] }) => {
      calls++;
      return record.points.length;
    });
    const record = { points: [1, 2, 3] };
    expect(size(record)).toBe(3);
    expect(size(record)).toBe(3);
    expect(calls).toBe(1);
    // A replaced record is a new object: computed afresh.
    expect(size({ points: [1] })).toBe(1);
    expect(calls).toBe(2);
  });
});
