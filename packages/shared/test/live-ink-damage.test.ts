import { describe, expect, it } from 'vitest';
import { liveInkOutline } from '../src/elements/stroke';
import type { StrokePoint } from '../src/encoding/stroke-codec';
import type { Rect } from '../src/geometry/camera';
import { goneInkDamage, type InkTrace, inkChange } from '../src/render/live-ink-damage';

/** A hand's path: wobbles, a sharp zigzag, a pause (repeated points), fast and slow parts. */
function path(seed: number, count: number, pressure: boolean): StrokePoint[] {
  let x = 100;
  let y = 100;
  let heading = seed;
  return Array.from({ length: count }, (_, i) => {
    const zig = i % 17 === 0 ? (i % 34 === 0 ? 1 : -1) * Math.PI * 0.8 : 0;
    heading += Math.sin(seed * 7 + i / 3) * 0.15 + zig;
    const step = i % 23 < 3 ? 0 : 2 + ((i * seed) % 9);
    x += Math.cos(heading) * step;
    y += Math.sin(heading) * step;
    return pressure ? { x, y, pressure: 0.3 + ((i * 13) % 7) / 10 } : { x, y };
  });
}

/** Within a rectangle (to a rounding error: the layer adds whole pixels around it). */
const inside = (rects: Rect[], x: number, y: number) =>
  rects.some(
    (r) => x >= r.x - 1e-9 && x <= r.x + r.w + 1e-9 && y >= r.y - 1e-9 && y <= r.y + r.h + 1e-9,
  );

/**
 * The outline's consecutive triples, as strings: a stroke is filled with one quadratic
 * curve per outline point, inside the triangle of it and its neighbours.
 */
function triples(outline: number[]): Map<string, number[]> {
  const n = outline.length / 2;
  const out = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const at = [i - 1, i, i + 1].flatMap((k) => {
      const j = (k + n) % n;
      return [outline[j * 2]!, outline[j * 2 + 1]!];
    });
    out.set(at.join(','), at);
  }
  return out;
}

describe('inkChange', () => {
  const styles = [
    { tool: 'pen' as const, color: '#1f2a44', width: 4 },
    { tool: 'pen' as const, color: '#e03131', width: 16 },
    { tool: 'highlighter' as const, color: '#ffd43b', width: 24 },
  ];
  for (const style of styles)
    for (const pressure of [false, true])
      it(`repaints only what changed as a ${style.width}px ${style.tool} stroke grows (${pressure ? 'pen pressure' : 'a finger'})`, () => {
        const points = path(style.width, 140, pressure);
        let trace: InkTrace | undefined;
        // Grows as the pointer reports: mostly one point a frame, sometimes two or three.
        for (let count = 1; count <= points.length; count += 1 + (count % 5 === 0 ? 2 : 0)) {
          const ink = { ...style, points: points.slice(0, count) };
          const change = inkChange(trace, ink);
          if (trace) {
            const before = triples(trace.outline);
            const after = triples(liveInkOutline(ink.points, style));
            expect(change.trace!.outline).toEqual(liveInkOutline(ink.points, style));
            // Every curve that went or came lies where the layer clears and redraws.
            for (const [key, at] of [...before, ...after]) {
              if (before.has(key) && after.has(key)) continue;
              for (let i = 0; i < at.length; i += 2)
                expect(inside(change.damage, at[i]!, at[i + 1]!)).toBe(true);
            }
            // Past its start, a frame repaints around the stroke's end (up to three new
            // points of at most 10 units, and the ink's width about them), however long
            // the stroke has grown.
            if (count > 20)
              for (const r of change.damage)
                expect(Math.max(r.w, r.h)).toBeLessThanOrEqual(3 * style.width + 40);
          }
          trace = change.trace!;
        }
        expect(Math.max(trace!.bounds.w, trace!.bounds.h)).toBeGreaterThan(180);
      });

  it('repaints all of a stroke that changed otherwise, and what is gone', () => {
    const style = { tool: 'pen' as const, color: '#1f2a44', width: 4 };
    const points = path(3, 40, false);
    const first = inkChange(undefined, { ...style, points });
    expect(first.damage).toEqual([first.trace!.bounds]);
    // Unchanged: nothing to repaint.
    expect(inkChange(first.trace!, { ...style, points }).damage).toEqual([]);
    // Another colour, or points that are not the ones drawn: the old and the new, whole.
    const recoloured = inkChange(first.trace!, { ...style, color: '#e03131', points });
    expect(recoloured.damage).toEqual([first.trace!.bounds, recoloured.trace!.bounds]);
    const moved = points.map((p) => ({ x: p.x + 1, y: p.y }));
    const other = inkChange(first.trace!, { ...style, points: [...moved, { x: 0, y: 0 }] });
    expect(other.damage).toEqual([first.trace!.bounds, other.trace!.bounds]);
    // Ended: its trace is cleared.
    expect(goneInkDamage(new Map([['a', first.trace!]]), new Map())).toEqual([first.trace!.bounds]);
    expect(inkChange(first.trace!, { ...style, points: [] })).toEqual({
      damage: [first.trace!.bounds],
      trace: null,
    });
  });
});
