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

/**
 * Does a touch at `point` (board units) with `radius` touch this element? Strokes and lines
 * are hit near their ink; boxes (notes, text, images, rectangles, ellipses) anywhere inside.
 */
export function hitsElement(element: ElementRecord, point: Point, radius: number): boolean {
  // Into the element's own frame: relative to (x, y), rotation undone.
  const local = rotate({ x: point.x - element.x, y: point.y - element.y }, -element.rotation);
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
