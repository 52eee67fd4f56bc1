import { decodeStroke, decodeStrokeOnce, type StrokePoint } from '../encoding/stroke-codec';
import { growRect } from '../geometry/camera';
import { distanceToSegment } from '../geometry/plane';
import { HIGHLIGHTER_OPACITY, type InkStyle, inkOutline, outlineToSvgPath } from '../render/ink';
import type { StrokeRecord } from '../schema/records/stroke';
import { memoByObject } from '../util/memo-by-object';
import type { Canvas2D } from './canvas';
import { ANTIALIAS_MARGIN, type ElementUtil } from './element-util';

/**
 * Device pixels per board unit above which a stroke's outline is traced with curves. Its
 * points lie a few units apart, so up to here straight segments leave the edge under half
 * a pixel from the smoothed curve, and software rendering fills them about a third faster
 * (it is most of a cold load's time at 4K). Zoomed in further, the corners would show.
 */
export const CURVES_ABOVE_SCALE = 1.5;

/**
 * Adds the outline polygon to the context's path: straight segments through its points or,
 * when `curved`, quadratic curves through their midpoints (the curve of `outlineToSvgPath`).
 * Drawn straight onto the context: a Path2D per stroke costs more to build than it saves.
 */
function traceOutline(ctx: Canvas2D, outline: readonly number[], curved: boolean) {
  const n = outline.length / 2;
  if (n < 2) return;
  ctx.moveTo(outline[0]!, outline[1]!);
  for (let i = 1; i < n; i++) {
    const x = outline[i * 2]!;
    const y = outline[i * 2 + 1]!;
    if (!curved) {
      ctx.lineTo(x, y);
      continue;
    }
    const next = (i + 1) % n;
    ctx.quadraticCurveTo(x, y, (x + outline[next * 2]!) / 2, (y + outline[next * 2 + 1]!) / 2);
  }
  ctx.closePath();
}

/** How opaque ink of this tool is: highlighters are see-through. */
export const inkOpacity = (tool: InkStyle['tool']) =>
  tool === 'highlighter' ? HIGHLIGHTER_OPACITY : 1;

/** Fills an outline in the ink's colour at `scale` device px per unit. */
export function fillInk(
  ctx: Canvas2D,
  outline: readonly number[],
  style: { tool: InkStyle['tool']; color: string },
  scale: number,
) {
  ctx.globalAlpha = inkOpacity(style.tool);
  ctx.fillStyle = style.color;
  ctx.beginPath();
  traceOutline(ctx, outline, scale > CURVES_ABOVE_SCALE);
  ctx.fill();
  ctx.globalAlpha = 1;
}

/** A stroke's outline, computed once per record (Yjs keeps the object until it changes). */
export const strokeOutline = memoByObject((stroke: StrokeRecord) =>
  inkOutline(decodeStrokeOnce(stroke.points), stroke),
);

/** The outline of ink still being drawn (points in board coordinates). */
export function liveInkOutline(points: readonly StrokePoint[], style: InkStyle): number[] {
  const flat = new Float32Array(points.length * 3);
  let hasPressure = false;
  points.forEach((p, i) => {
    flat[i * 3] = p.x;
    flat[i * 3 + 1] = p.y;
    flat[i * 3 + 2] = p.pressure ?? 0.5;
    hasPressure ||= p.pressure !== undefined;
  });
  return inkOutline({ count: points.length, hasPressure, points: flat }, style, false);
}

export const strokeUtil: ElementUtil<StrokeRecord> = {
  localBounds(stroke) {
    const { count, points } = decodeStrokeOnce(stroke.points);
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
    const pad = stroke.width / 2;
    return { x: minX - pad, y: minY - pad, w: maxX - minX + pad * 2, h: maxY - minY + pad * 2 };
  },
  // Ink swells up to 0.775 of its width from its points: its bounds allow half.
  paintedBounds: (stroke, bounds) => growRect(bounds, stroke.width / 2 + ANTIALIAS_MARGIN),
  hits(stroke, local, radius) {
    const { count, points } = decodeStroke(stroke.points);
    const reach = radius + stroke.width / 2;
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
  },
  draw: (ctx, stroke, { scale }) => fillInk(ctx, strokeOutline(stroke), stroke, scale),
  svg(stroke) {
    const opacity = stroke.tool === 'highlighter' ? ` fill-opacity="${HIGHLIGHTER_OPACITY}"` : '';
    return `<path d="${outlineToSvgPath(strokeOutline(stroke))}" fill="${stroke.color}"${opacity}/>`;
  },
};
