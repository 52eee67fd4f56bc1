import {
  BOARD_FONT,
  decodeStrokeOnce,
  type ElementRecord,
  growRect,
  HIGHLIGHTER_OPACITY,
  type InkStyle,
  inkOutline,
  LINE_HEIGHT,
  layoutTextBox,
  memoByObject,
  noteTextBox,
  placedBounds,
  type Rect,
  type ShapeRecord,
  type StrokePoint,
  type TextBox,
  type TextLine,
  textElementBox,
} from '@roundtable/shared';
import { cachedBounds } from '../controller/geometry-cache';
import { imageFailed, loadedImage } from './image-cache';

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
function traceOutline(ctx: CanvasRenderingContext2D, outline: readonly number[], curved: boolean) {
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

/** Fills an outline in the ink's colour (highlighters see-through) at `scale` px per unit. */
function fillInk(
  ctx: CanvasRenderingContext2D,
  outline: readonly number[],
  style: { tool: InkStyle['tool']; color: string },
  scale: number,
) {
  ctx.globalAlpha = style.tool === 'highlighter' ? HIGHLIGHTER_OPACITY : 1;
  ctx.fillStyle = style.color;
  ctx.beginPath();
  traceOutline(ctx, outline, scale > CURVES_ABOVE_SCALE);
  ctx.fill();
  ctx.globalAlpha = 1;
}

/** A stroke's outline, computed once per record (Yjs keeps the object until it changes). */
const strokeOutline = memoByObject((element: Extract<ElementRecord, { type: 'stroke' }>) =>
  inkOutline(decodeStrokeOnce(element.points), element),
);

/** Ink still being drawn (points in board coordinates), at `scale` device px per unit. */
export function drawLiveInk(
  ctx: CanvasRenderingContext2D,
  points: readonly StrokePoint[],
  style: InkStyle & { color: string },
  scale: number,
) {
  const flat = new Float32Array(points.length * 3);
  let hasPressure = false;
  points.forEach((p, i) => {
    flat[i * 3] = p.x;
    flat[i * 3 + 1] = p.y;
    flat[i * 3 + 2] = p.pressure ?? 0.5;
    hasPressure ||= p.pressure !== undefined;
  });
  const outline = inkOutline({ count: points.length, hasPressure, points: flat }, style, false);
  fillInk(ctx, outline, style, scale);
}

/** An arrow's head: the length of each side; they open 0.45 rad either side of the line. */
const arrowHead = (strokeWidth: number) => Math.max(14, strokeWidth * 4);

export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: Pick<ShapeRecord, 'kind' | 'w' | 'h' | 'stroke' | 'fill' | 'strokeWidth'>,
) {
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
    ctx.moveTo(0, 0);
    ctx.lineTo(shape.w, shape.h);
    if (shape.kind === 'arrow') {
      const angle = Math.atan2(shape.h, shape.w);
      const head = arrowHead(shape.strokeWidth);
      for (const side of [-1, 1]) {
        ctx.moveTo(shape.w, shape.h);
        ctx.lineTo(
          shape.w - head * Math.cos(angle + side * 0.45),
          shape.h - head * Math.sin(angle + side * 0.45),
        );
      }
    }
  }
  if (shape.fill && (shape.kind === 'rect' || shape.kind === 'ellipse')) {
    ctx.fillStyle = shape.fill;
    ctx.fill();
  }
  ctx.stroke();
}

function drawNote(ctx: CanvasRenderingContext2D, note: Extract<ElementRecord, { type: 'note' }>) {
  // A flat offset "shadow": real canvas shadows are slow in software rendering.
  ctx.fillStyle = 'rgba(31, 42, 68, 0.12)';
  ctx.fillRect(4, 6, note.w, note.h);
  ctx.fillStyle = note.color;
  ctx.fillRect(0, 0, note.w, note.h);
  drawText(ctx, noteTextBox(note), '#1f2a44');
}

/**
 * The box's lines as every renderer lays them out (`layoutTextBox`), each drawn no wider than
 * it was measured: a device whose font runs wider squeezes the line instead of letting it
 * run past the note's edge.
 */
function drawText(ctx: CanvasRenderingContext2D, box: TextBox, color: string) {
  const lines = cachedLayout(box);
  if (lines.length === 0) return;
  ctx.font = `600 ${box.fontSize}px ${BOARD_FONT}`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'top';
  for (const line of lines) ctx.fillText(line.text, line.x, line.y, Math.max(1, line.width));
}

/** Laid-out text, kept while the same text is drawn again (a redraw, a pan). */
const layouts = new Map<string, TextLine[]>();
function cachedLayout(box: TextBox): TextLine[] {
  const key = `${box.fontSize}|${box.width}|${box.x}|${box.y}|${box.text}`;
  let lines = layouts.get(key);
  if (!lines) {
    if (layouts.size > 2000) layouts.clear();
    lines = layoutTextBox(box);
    layouts.set(key, lines);
  }
  return lines;
}

/** What the box's text covers in its element's frame (never wider than the box). */
function textRect(box: TextBox): Rect {
  const lines = cachedLayout(box);
  return {
    x: box.x,
    y: box.y,
    w: box.width,
    h: Math.max(1, lines.length) * box.fontSize * LINE_HEIGHT,
  };
}

/**
 * The board rectangle an element's pixels may cover, to repaint around it: ink swells up to
 * 0.775 of its width from its points (its bounds allow half), an arrow's head spreads past
 * its line, a note casts a shadow, and text runs below its box. Plus two for anti-aliasing.
 * Worked out once per record: the scene asks for every element on each draw, and laying
 * out a note's text again each time would cost a frame its budget on a busy board.
 */
export const paintedBounds = memoByObject((element: ElementRecord): Rect => {
  switch (element.type) {
    case 'stroke':
      return growRect(cachedBounds(element), element.width / 2 + 2);
    case 'shape':
      return growRect(
        cachedBounds(element),
        element.kind === 'arrow' ? arrowHead(element.strokeWidth) * Math.sin(0.45) + 2 : 2,
      );
    case 'image':
      return growRect(cachedBounds(element), 2);
    case 'note': {
      // The shadow lies 4 right and 6 below the note.
      const text = textRect(noteTextBox(element));
      const w = Math.max(element.w + 4, text.x + text.w);
      const h = Math.max(element.h + 6, text.y + text.h);
      return growRect(placedBounds({ x: 0, y: 0, w, h }, element), 2);
    }
    case 'text': {
      const text = textRect(textElementBox(element));
      return growRect(placedBounds(text, element), 2);
    }
  }
});

function drawImage(
  ctx: CanvasRenderingContext2D,
  image: Extract<ElementRecord, { type: 'image' }>,
) {
  const loaded = loadedImage(image.assetId);
  if (loaded) {
    ctx.drawImage(loaded, 0, 0, image.w, image.h);
    return;
  }
  // A frame where the picture will be (or a cross if it cannot be loaded).
  ctx.fillStyle = '#e9ecef';
  ctx.fillRect(0, 0, image.w, image.h);
  ctx.strokeStyle = '#adb5bd';
  ctx.lineWidth = 2;
  ctx.strokeRect(0, 0, image.w, image.h);
  if (imageFailed(image.assetId)) {
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(image.w, image.h);
    ctx.moveTo(image.w, 0);
    ctx.lineTo(0, image.h);
    ctx.stroke();
  }
}

/**
 * Draws one finished element in board coordinates (the caller sets the camera transform,
 * and says how many device pixels a board unit is: `scale`), moved by `offset` if given.
 */
export function drawElement(
  ctx: CanvasRenderingContext2D,
  element: ElementRecord,
  { scale, offset = { x: 0, y: 0 } }: { scale: number; offset?: { x: number; y: number } },
) {
  ctx.save();
  ctx.translate(element.x + offset.x, element.y + offset.y);
  if (element.rotation) ctx.rotate((element.rotation * Math.PI) / 180);
  switch (element.type) {
    case 'stroke':
      fillInk(ctx, strokeOutline(element), element, scale);
      break;
    case 'shape':
      drawShape(ctx, element);
      break;
    case 'note':
      drawNote(ctx, element);
      break;
    case 'text':
      drawText(ctx, textElementBox(element), element.color);
      break;
    case 'image':
      drawImage(ctx, element);
      break;
  }
  ctx.restore();
}
