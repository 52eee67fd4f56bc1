import type { Point, Rect } from './camera';

/** `p` turned by `degrees` about the origin (clockwise on the board, whose y runs down). */
export function rotate(p: Point, degrees: number): Point {
  if (degrees === 0) return p;
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return { x: p.x * cos - p.y * sin, y: p.x * sin + p.y * cos };
}

/** The axis-aligned board box of `local`, a rectangle in the frame of an element at `at`. */
export function placedBounds(local: Rect, at: { x: number; y: number; rotation: number }): Rect {
  const corners = [
    { x: local.x, y: local.y },
    { x: local.x + local.w, y: local.y },
    { x: local.x, y: local.y + local.h },
    { x: local.x + local.w, y: local.y + local.h },
  ].map((c) => rotate(c, at.rotation));
  const xs = corners.map((c) => c.x + at.x);
  const ys = corners.map((c) => c.y + at.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** The box around `points` grown by `pad` on every side; null for no points. */
export function paddedPointBounds(points: readonly Point[], pad: number): Rect | null {
  if (points.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { x, y } of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { x: minX - pad, y: minY - pad, w: maxX - minX + pad * 2, h: maxY - minY + pad * 2 };
}

/** How far `p` is from the segment (ax, ay)–(bx, by). */
export function distanceToSegment(
  p: Point,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / lengthSq));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}

/** Is `p` inside the box, grown by `radius` on every side? */
export function insideRect(p: Point, box: Rect, radius = 0): boolean {
  return (
    p.x >= box.x - radius &&
    p.x <= box.x + box.w + radius &&
    p.y >= box.y - radius &&
    p.y <= box.y + box.h + radius
  );
}
