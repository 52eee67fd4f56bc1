import { decodeStroke } from '../encoding/stroke-codec';
import type { ElementRecord } from '../schema/elements';
import { localBounds, rotate } from './bounds';
import type { Point } from './camera';

function distanceToSegment(p: Point, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / lengthSq));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}

/** A rectangle or ellipse with no fill: only its outline is there to touch. */
export function isHollowShape(element: ElementRecord): boolean {
  return (
    element.type === 'shape' &&
    (element.kind === 'rect' || element.kind === 'ellipse') &&
    element.fill === null
  );
}

/** How far a point (in the shape's own frame) is from a hollow shape's outline. */
function distanceToOutline(
  shape: { kind: 'rect' | 'ellipse'; w: number; h: number },
  p: Point,
): number {
  const x0 = Math.min(0, shape.w);
  const y0 = Math.min(0, shape.h);
  const w = Math.abs(shape.w);
  const h = Math.abs(shape.h);
  if (shape.kind === 'rect') {
    const dx = Math.max(x0 - p.x, 0, p.x - (x0 + w));
    const dy = Math.max(y0 - p.y, 0, p.y - (y0 + h));
    if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
    return Math.min(p.x - x0, x0 + w - p.x, p.y - y0, y0 + h - p.y);
  }
  // An ellipse: along the ray from its centre (exact for circles, close enough for fingers).
  const a = Math.max(w / 2, 0.001);
  const b = Math.max(h / 2, 0.001);
  const cx = p.x - (x0 + a);
  const cy = p.y - (y0 + b);
  const r = Math.hypot(cx / a, cy / b);
  if (r === 0) return Math.min(a, b);
  return Math.hypot(cx, cy) * Math.abs(1 - 1 / r);
}

/** Whether a board point lies inside a hollow shape (not on its outline: see `hitsElement`). */
export function insideHollowShape(element: ElementRecord, point: Point): boolean {
  if (!isHollowShape(element) || element.type !== 'shape') return false;
  const local = rotate({ x: point.x - element.x, y: point.y - element.y }, -element.rotation);
  const x0 = Math.min(0, element.w);
  const y0 = Math.min(0, element.h);
  const w = Math.abs(element.w);
  const h = Math.abs(element.h);
  if (element.kind === 'rect') {
    return local.x >= x0 && local.x <= x0 + w && local.y >= y0 && local.y <= y0 + h;
  }
  const nx = (local.x - (x0 + w / 2)) / Math.max(w / 2, 0.001);
  const ny = (local.y - (y0 + h / 2)) / Math.max(h / 2, 0.001);
  return nx * nx + ny * ny <= 1;
}

/**
 * Does a touch at `point` (board units) with `radius` touch this element? Strokes, lines and
 * hollow rectangles and ellipses are hit near their ink; filled boxes (notes, text, images,
 * filled shapes) anywhere inside.
 */
export function hitsElement(element: ElementRecord, point: Point, radius: number): boolean {
  // Into the element's own frame: relative to (x, y), rotation undone.
  const local = rotate({ x: point.x - element.x, y: point.y - element.y }, -element.rotation);
  if (element.type === 'shape' && isHollowShape(element)) {
    const kind = element.kind === 'ellipse' ? 'ellipse' : 'rect';
    return (
      distanceToOutline({ kind, w: element.w, h: element.h }, local) <=
      radius + element.strokeWidth / 2
    );
  }
  if (element.type === 'stroke') {
    const { count, points } = decodeStroke(element.points);
    const reach = radius + element.width / 2;
    if (count === 1) return Math.hypot(local.x - points[0]!, local.y - points[1]!) <= reach;
    for (let i = 1; i < count; i++) {
      const o = i * 3;
      if (
        distanceToSegment(local, points[o - 3]!, points[o - 2]!, points[o]!, points[o + 1]!) <=
        reach
      ) {
        return true;
      }
    }
    return false;
  }
  if (element.type === 'shape' && (element.kind === 'line' || element.kind === 'arrow')) {
    return distanceToSegment(local, 0, 0, element.w, element.h) <= radius + element.strokeWidth / 2;
  }
  const box = localBounds(element);
  return (
    local.x >= box.x - radius &&
    local.x <= box.x + box.w + radius &&
    local.y >= box.y - radius &&
    local.y <= box.y + box.h + radius
  );
}
