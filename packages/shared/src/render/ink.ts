import { getStroke } from 'perfect-freehand';
import type { DecodedStroke } from '../encoding/stroke-codec';
import type { Point, Rect } from '../geometry/camera';
import { paddedPointBounds } from '../geometry/plane';
import type { StrokeRecord } from '../schema/records/stroke';

export interface InkStyle {
  tool: StrokeRecord['tool'];
  width: number;
}

/** Highlighter ink is see-through and flat; pen ink swells with pressure or speed. */
export const HIGHLIGHTER_OPACITY = 0.35;

/**
 * The filled outline of a stroke (perfect-freehand), as a flat [x0, y0, x1, y1, …] polygon in
 * the stroke's own coordinates. `complete` is false while the stroke is still being drawn.
 */
export function inkOutline(
  stroke: Pick<DecodedStroke, 'count' | 'hasPressure' | 'points'>,
  style: InkStyle,
  complete = true,
): number[] {
  const input: [number, number, number][] = new Array(stroke.count);
  for (let i = 0; i < stroke.count; i++) {
    const o = i * 3;
    input[i] = [stroke.points[o]!, stroke.points[o + 1]!, stroke.points[o + 2]!];
  }
  const highlighter = style.tool === 'highlighter';
  const outline = getStroke(input, {
    size: style.width,
    thinning: highlighter ? 0 : 0.55,
    smoothing: 0.5,
    streamline: 0.4,
    // Fingers report no pressure: let speed thin the line instead, as a brush would.
    simulatePressure: !stroke.hasPressure && !highlighter,
    start: { cap: true },
    end: { cap: true },
    last: complete,
  });
  const flat = new Array<number>(outline.length * 2);
  outline.forEach(([x, y], i) => {
    flat[i * 2] = x!;
    flat[i * 2 + 1] = y!;
  });
  return flat;
}

/**
 * Everything ink drawn through `points` can touch. perfect-freehand's radius is at most
 * 0.775 × size (full pressure, thinning 0.55), so a full width of margin is enough.
 */
export function inkBounds(points: readonly Point[], style: InkStyle): Rect | null {
  return paddedPointBounds(points, style.width);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The outline as SVG path data with quadratic smoothing (perfect-freehand's recipe). */
export function outlineToSvgPath(outline: readonly number[]): string {
  const n = outline.length / 2;
  if (n < 2) return '';
  const at = (i: number) => [outline[(i % n) * 2]!, outline[(i % n) * 2 + 1]!] as const;
  const [x0, y0] = at(0);
  const [x1, y1] = at(1);
  let d = `M${round(x0)},${round(y0)} Q${round(x1)},${round(y1)} ${round((x1 + at(2)[0]) / 2)},${round((y1 + at(2)[1]) / 2)} T`;
  for (let i = 2; i < n - 1; i++) {
    const [ax, ay] = at(i);
    const [bx, by] = at(i + 1);
    d += `${round((ax + bx) / 2)},${round((ay + by) / 2)} `;
  }
  return `${d}Z`;
}
