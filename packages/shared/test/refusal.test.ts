import { describe, expect, it } from 'vitest';
import {
  decodeRefusal,
  encodeRefusal,
  MAX_CLOSE_REASON_BYTES,
  type Refusal,
  refusalSchema,
} from '../src/wire/refusal';

/** One refusal of every code, with the largest parameters each may carry. */
const EVERY: Refusal[] = refusalSchema.options.map((option) => {
  const code = option.shape.code.value;
  if (code === 'dotBudget') return { code, budget: Number.MAX_SAFE_INTEGER };
  if (code === 'turnLength')
    return { code, min: Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  if (code === 'invalidChange') return { code, what: 'missingHistory' };
  return { code } as Refusal;
});

describe('refusals on the wire', () => {
  it('round-trips every code with its parameters, each within a close reason', () => {
    expect(EVERY.length).toBeGreaterThan(30);
    for (const refusal of EVERY) {
      const text = encodeRefusal(refusal);
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
      expect(decodeRefusal(text)).toEqual(refusal);
      // A reply carries it as an object inside JSON: that decodes too.
      expect(decodeRefusal(JSON.parse(text))).toEqual(refusal);
    }
  });

  it('carries no English: a code and numbers only', () => {
    expect(encodeRefusal({ code: 'dotBudget', budget: 3 })).toBe('{"code":"dotBudget","budget":3}');
  });

  it('reads what it does not know as "unknown", never as a sentence to show', () => {
    for (const text of [
      'update refused: the talking pencil is with someone else',
      '{"code":"fromTheFuture"}',
      '{"code":"dotBudget"}',
      '{"code":"dotBudget","budget":"three"}',
      '',
      null,
    ]) {
      expect(decodeRefusal(text)).toEqual({ code: 'unknown' });
    }
  });
});
