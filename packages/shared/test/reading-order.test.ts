import { describe, expect, it } from 'vitest';
import { type Rect, readingOrder } from '../src/index';

const note = (id: string, x: number, y: number, w = 200, h = 200) => ({ id, x, y, w, h });
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const box = (item: Rect) => item;

describe('readingOrder', () => {
  it('reads line by line from the top, each line left to right', () => {
    const board = [
      note('bottom-right', 600, 500),
      note('top-right', 600, 0),
      note('bottom-left', 0, 520),
      note('top-left', 0, 10),
    ];
    expect(ids(readingOrder(board, box))).toEqual([
      'top-left',
      'top-right',
      'bottom-left',
      'bottom-right',
    ]);
  });

  it('keeps notes stuck up a little crooked on one line', () => {
    // Each note sits a little lower than the one before it on the line: still one line.
    const board = [note('c', 600, 160), note('a', 0, 0), note('b', 300, 90)];
    expect(ids(readingOrder(board, box))).toEqual(['a', 'b', 'c']);
  });

  it('starts a new line below a line, whatever its left edge', () => {
    const board = [note('second-line', -500, 250), note('first-line', 400, 0)];
    expect(ids(readingOrder(board, box))).toEqual(['first-line', 'second-line']);
  });

  it('reads each line right to left for a right-to-left language', () => {
    const board = [
      note('left', 0, 0),
      note('right', 600, 0),
      note('middle', 300, 20),
      note('next-line-left', 0, 400),
      note('next-line-right', 500, 400),
    ];
    expect(ids(readingOrder(board, box, 'rtl'))).toEqual([
      'right',
      'middle',
      'left',
      'next-line-right',
      'next-line-left',
    ]);
  });

  it('measures right to left from the right edges (a wide text before a narrow note)', () => {
    // The wide text ends further right than the note, though it starts further left.
    const board = [note('note', 500, 0, 200, 200), note('wide-text', 300, 0, 600, 60)];
    expect(ids(readingOrder(board, box, 'rtl'))).toEqual(['wide-text', 'note']);
    expect(ids(readingOrder(board, box, 'ltr'))).toEqual(['wide-text', 'note']);
  });

  it('keeps every item once, and an empty board reads as nothing', () => {
    expect(readingOrder([], box)).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) =>
      note(`n${i}`, (i * 137) % 900, (i * 251) % 700, 120, 80),
    );
    const read = readingOrder(many, box);
    expect(read).toHaveLength(50);
    expect(new Set(ids(read)).size).toBe(50);
  });
});
