import { growRect, type Point, type Rect } from '../geometry/camera';
import { distanceToSegment, insideRect } from '../geometry/plane';
import type { ElementRecord } from '../schema/elements';
import type { ShapeRecord } from '../schema/records/shape';
import type { Canvas2D } from './canvas';
import { ANTIALIAS_MARGIN, type ElementUtil } from './element-util';

/** What drawing a shape needs (a shape being dragged out has no record yet). */
export type ShapeLook = Pick<ShapeRecord, 'kind' | 'w' | 'h' | 'stroke' | 'fill' | 'strokeWidth'>;

/** An arrow's head: two sides opening this far (radians) either side of the line… */
export const ARROW_HEAD_ANGLE = 0.45;
/** …each this long: never so short that a thin arrow's head disappears. */
export const arrowHeadLength = (strokeWidth: number) => Math.max(14, strokeWidth * 4);

/** A straight piece of a line or arrow: from (x0, y0) to (x1, y1). */
export type Segment = readonly [x0: number, y0: number, x1: number, y1: number];

/**
 * A line's or an arrow's strokes, in the order every renderer draws them: the line from its
 * start to its end, then an arrow's two head sides back from the end.
 */
export function shapeSegments(shape: Pick<ShapeRecord, 'kind' | 'w' | 'h' | 'strokeWidth'>) {
  const segments: Segment[] = [[0, 0, shape.w, shape.h]];
  if (shape.kind !== 'arrow') return segments;
  const angle = Math.atan2(shape.h, shape.w);
  const head = arrowHeadLength(shape.strokeWidth);
  for (const side of [-1, 1]) {
    segments.push([
      shape.w,
      shape.h,
      shape.w - head * Math.cos(angle + side * ARROW_HEAD_ANGLE),
      shape.h - head * Math.sin(angle + side * ARROW_HEAD_ANGLE),
    ]);
  }
  return segments;
}

/** Rectangles and ellipses take a fill; lines and arrows are only ever stroked. */
export const isFilledShape = (shape: Pick<ShapeRecord, 'kind' | 'fill'>) =>
  Boolean(shape.fill) && (shape.kind === 'rect' || shape.kind === 'ellipse');

/** A rectangle or ellipse with no fill: only its outline is there to touch. */
export function isHollowShape(element: ElementRecord): boolean {
  return (
    element.type === 'shape' &&
    (element.kind === 'rect' || element.kind === 'ellipse') &&
    element.fill === null
  );
}

/** A rectangle's or ellipse's box, whichever way it was dragged out. */
function spanned(shape: Pick<ShapeRecord, 'w' | 'h'>): Rect {
  return {
    x: Math.min(0, shape.w),
    y: Math.min(0, shape.h),
    w: Math.abs(shape.w),
    h: Math.abs(shape.h),
  };
}

/** How far a point (in the shape's own frame) is from a rectangle's or ellipse's outline. */
function distanceToOutline(shape: ShapeRecord, p: Point): number {
  const { x: x0, y: y0, w, h } = spanned(shape);
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

/** Whether a point in the shape's own frame lies within a rectangle's or ellipse's outline. */
export function insideShapeOutline(shape: ShapeRecord, local: Point): boolean {
  const { x: x0, y: y0, w, h } = spanned(shape);
  if (shape.kind === 'rect') return insideRect(local, { x: x0, y: y0, w, h });
  const nx = (local.x - (x0 + w / 2)) / Math.max(w / 2, 0.001);
  const ny = (local.y - (y0 + h / 2)) / Math.max(h / 2, 0.001);
  return nx * nx + ny * ny <= 1;
}

/** A shape on the canvas, in its own frame. */
export function drawShape(ctx: Canvas2D, shape: ShapeLook) {
  ctx.lineWidth = shape.strokeWidth;
  ctx.strokeStyle = shape.stroke;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  if (shape.kind === 'rect') ctx.rect(0, 0, shape.w, shape.h);
  else if (shape.kind === 'ellipse') {
    ctx.ellipse(
      shape.w / 2,
      shape.h / 2,
      Math.abs(shape.w / 2),
      Math.abs(shape.h / 2),
      0,
      0,
      Math.PI * 2,
    );
  } else {
    for (const [x0, y0, x1, y1] of shapeSegments(shape)) {
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
    }
  }
  if (isFilledShape(shape)) {
    ctx.fillStyle = shape.fill;
    ctx.fill();
  }
  ctx.stroke();
}

export const shapeUtil: ElementUtil<ShapeRecord> = {
  localBounds(shape) {
    const pad = shape.strokeWidth / 2;
    return growRect(spanned(shape), pad);
  },
  paintedBounds: (shape, bounds) =>
    growRect(
      bounds,
      shape.kind === 'arrow'
        ? arrowHeadLength(shape.strokeWidth) * Math.sin(ARROW_HEAD_ANGLE) + ANTIALIAS_MARGIN
        : ANTIALIAS_MARGIN,
    ),
  hits(shape, local, radius) {
    const reach = radius + shape.strokeWidth / 2;
    if (isHollowShape(shape)) return distanceToOutline(shape, local) <= reach;
    if (shape.kind === 'line' || shape.kind === 'arrow') {
      return distanceToSegment(local, 0, 0, shape.w, shape.h) <= reach;
    }
    return insideRect(local, shapeUtil.localBounds(shape), radius);
  },
  draw: drawShape,
  svg(shape) {
    const stroke = `stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}" stroke-linecap="round" stroke-linejoin="round" fill="${shape.fill ?? 'none'}"`;
    if (shape.kind === 'rect') return `<rect width="${shape.w}" height="${shape.h}" ${stroke}/>`;
    if (shape.kind === 'ellipse') {
      return `<ellipse cx="${shape.w / 2}" cy="${shape.h / 2}" rx="${Math.abs(shape.w / 2)}" ry="${Math.abs(shape.h / 2)}" ${stroke}/>`;
    }
    const d = shapeSegments(shape)
      .map(([x0, y0, x1, y1]) => `M${x0} ${y0}L${x1} ${y1}`)
      .join('');
    return `<path d="${d}" ${stroke}/>`;
  },
};
