import type { Rect } from './camera';

export type ReadingDirection = 'ltr' | 'rtl';

/**
 * Puts things on the board in the order a reader meets them: line by line from the top, and
 * along each line left to right (right to left in Arabic). A thing whose middle falls within
 * the height of something already on a line joins that line, so notes stuck up a little
 * crooked still read as one row. `boundsOf` gives each thing's box in board units.
 */
export function readingOrder<T>(
  items: readonly T[],
  boundsOf: (item: T) => Rect,
  direction: ReadingDirection = 'ltr',
): T[] {
  const boxed = items
    .map((item) => ({ item, box: boundsOf(item) }))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const lines: (typeof boxed)[] = [];
  const placed = new Set<number>();
  for (let i = 0; i < boxed.length; i++) {
    if (placed.has(i)) continue;
    const line = [boxed[i]!];
    placed.add(i);
    let bottom = boxed[i]!.box.y + boxed[i]!.box.h;
    for (let j = i + 1; j < boxed.length; j++) {
      if (placed.has(j)) continue;
      const { box } = boxed[j]!;
      if (box.y > bottom) break; // sorted by top: nothing further down can join
      const middle = box.y + box.h / 2;
      if (line.some((m) => middle >= m.box.y && middle <= m.box.y + m.box.h)) {
        line.push(boxed[j]!);
        placed.add(j);
        bottom = Math.max(bottom, box.y + box.h);
      }
    }
    lines.push(line);
  }
  const along =
    direction === 'ltr'
      ? (a: (typeof boxed)[number], b: (typeof boxed)[number]) => a.box.x - b.box.x
      : (a: (typeof boxed)[number], b: (typeof boxed)[number]) =>
          b.box.x + b.box.w - (a.box.x + a.box.w);
  return lines.flatMap((line) => line.sort(along).map(({ item }) => item));
}
