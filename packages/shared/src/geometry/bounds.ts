import { decodeStrokeOnce } from '../encoding/stroke-codec';
import { LINE_HEIGHT, layoutTextBox } from '../render/text-layout';
import type { ElementRecord } from '../schema/elements';
import type { Point, Rect } from './camera';

/** Text has no stored height: its lines as the board lays text out, at least one. */
export function textHeight(text: string, fontSize: number, width: number): number {
  const lines = Math.max(1, layoutTextBox({ text, fontSize, width, x: 0, y: 0 }).length);
  return lines * fontSize * LINE_HEIGHT;
}

/** An element's extent in its own frame, before rotation about (x, y). */
export function localBounds(element: ElementRecord): Rect {
  switch (element.type) {
    case 'stroke': {
      const { count, points } = decodeStrokeOnce(element.points);
      let minX = 0;
      let minY = 0;
      let maxX = 0;
      let maxY = 0;
      for (let i = 0; i < count; i++) {
        const x = points[i * 3]!;
        const y = points[i * 3 + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      const pad = element.width / 2;
      return { x: minX - pad, y: minY - pad, w: maxX - minX + pad * 2, h: maxY - minY + pad * 2 };
    }
    case 'shape': {
      const pad = element.strokeWidth / 2;
      const x = Math.min(0, element.w);
      const y = Math.min(0, element.h);
      return {
        x: x - pad,
        y: y - pad,
        w: Math.abs(element.w) + pad * 2,
        h: Math.abs(element.h) + pad * 2,
      };
    }
    case 'text':
      return { x: 0, y: 0, w: element.w, h: textHeight(element.text, element.fontSize, element.w) };
    default:
      return { x: 0, y: 0, w: element.w, h: element.h };
  }
}

export function rotate(p: Point, degrees: number): Point {
  if (degrees === 0) return p;
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return { x: p.x * cos - p.y * sin, y: p.x * sin + p.y * cos };
}

/** The axis-aligned box an element covers on the board (rotation included). */
export function elementBounds(element: ElementRecord): Rect {
  return placedBounds(localBounds(element), element);
}

/** The axis-aligned board box of `local`, a rectangle in the frame of an element at `at`. */
export function placedBounds(local: Rect, at: Pick<ElementRecord, 'x' | 'y' | 'rotation'>): Rect {
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
