import { liveInkOutline } from '../elements/stroke';
import type { StrokePoint } from '../encoding/stroke-codec';
import type { Rect } from '../geometry/camera';
import type { InkStyle } from './ink';

/** A live stroke as the live layer drew it last. */
export interface InkTrace {
  style: string;
  /** Its outline (flat x, y pairs, board coordinates), as drawn. */
  outline: number[];
  /** Where it is drawn (the outline's box; the layer adds anti-aliasing pixels). */
  bounds: Rect;
}

export interface LiveInkShape extends InkStyle {
  color: string;
  points: readonly StrokePoint[];
}

/**
 * What changed in a live stroke since the live layer drew it as `before` (undefined: not
 * drawn): the board rectangles to clear and draw again, and its trace now (null: nothing
 * to draw). Its outline is compared with the one drawn: as a stroke grows, only its end
 * changes (perfect-freehand's outline of a point depends on the points up to the next
 * one), so a frame costs about the same however long the stroke is.
 */
export function inkChange(
  before: InkTrace | undefined,
  ink: LiveInkShape,
): { damage: Rect[]; trace: InkTrace | null } {
  const outline = ink.points.length > 0 ? liveInkOutline(ink.points, ink) : [];
  const bounds = pointsBox(outline, 0, outline.length / 2);
  if (!bounds) return { damage: before ? [before.bounds] : [], trace: null };
  const trace = { style: `${ink.tool} ${ink.color} ${ink.width}`, outline, bounds };
  if (!before || before.style !== trace.style) {
    return { damage: before ? [before.bounds, bounds] : [bounds], trace };
  }
  const changed = changedSpan(before.outline, outline);
  if (changed === null) return { damage: [], trace };
  if (changed === 'all') return { damage: [before.bounds, bounds], trace };
  const { head, tail } = changed;
  // Each outline point is drawn as a curve inside the triangle of it and its neighbours:
  // a curve changed if any of its three points did, and lies among those points.
  const was = pointsBox(before.outline, head - 2, before.outline.length / 2 - tail + 2)!;
  const now = pointsBox(outline, head - 2, outline.length / 2 - tail + 2)!;
  return { damage: [was, now], trace };
}

/**
 * How two outlines differ: null if not at all; else how many points they share at the
 * head and at the tail ('all' when what changed wraps around their start).
 */
function changedSpan(
  a: readonly number[],
  b: readonly number[],
): { head: number; tail: number } | 'all' | null {
  const na = a.length / 2;
  const nb = b.length / 2;
  const same = (i: number, j: number) => a[i * 2] === b[j * 2] && a[i * 2 + 1] === b[j * 2 + 1];
  let head = 0;
  while (head < na && head < nb && same(head, head)) head++;
  if (head === na && na === nb) return null;
  let tail = 0;
  while (tail < na - head && tail < nb - head && same(na - 1 - tail, nb - 1 - tail)) tail++;
  return head >= 2 && tail >= 2 ? { head, tail } : 'all';
}

/** The box of outline points from index `from` to `to` (exclusive), or null if none. */
function pointsBox(outline: readonly number[], from: number, to: number): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = Math.max(0, from); i < Math.min(outline.length / 2, to); i++) {
    const x = outline[i * 2]!;
    const y = outline[i * 2 + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? { x: minX, y: minY, w: maxX - minX, h: maxY - minY } : null;
}

/** Traces of the inks gone since the last draw: where they were, to clear. */
export function goneInkDamage(
  before: ReadonlyMap<string, InkTrace>,
  now: ReadonlyMap<string, unknown>,
): Rect[] {
  const gone: Rect[] = [];
  for (const [key, trace] of before) if (!now.has(key)) gone.push(trace.bounds);
  return gone;
}
