import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeFor,
  normaliseJoinCode,
} from '../src/join/join-code';

describe('join codes', () => {
  it('are six unambiguous characters, the same for a board every time', () => {
    const code = joinCodeFor('library-table-1');
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
    expect([...code].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(joinCodeFor('library-table-1')).toBe(code);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('differ between boards (no collisions among 20,000 ids)', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20_000; i++) codes.add(joinCodeFor(`board-${i}`));
    expect(codes.size).toBe(20_000);
    // Neighbouring ids do not share a prefix pattern a student could mistype into.
    expect(joinCodeFor('a')).not.toBe(joinCodeFor('b'));
  });

  it('forgive case, spaces and dashes, and refuse what cannot be a code', () => {
    const code = joinCodeFor('x');
    const typed = `${code.slice(0, 3).toLowerCase()} - ${code.slice(3)}`;
    expect(normaliseJoinCode(typed)).toBe(code);
    expect(normaliseJoinCode('ABC')).toBeNull();
    expect(normaliseJoinCode('ABCDE0')).toBeNull();
    expect(normaliseJoinCode('ABCDEFG')).toBeNull();
  });
});
