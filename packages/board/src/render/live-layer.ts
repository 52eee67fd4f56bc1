import {
  boardToScreen,
  type Camera,
  DirtyRegion,
  type ElementRecord,
  fillInk,
  goneInkDamage,
  handlePositions,
  type InkTrace,
  inkChange,
  localBounds,
  type Rect,
  sameCamera,
} from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import type { LiveInk } from '../controller/gestures/draw';
import { HANDLE_DRAWN_PX, ROTATE_HANDLE_OFFSET_PX } from '../controller/gestures/transform';
import { drawElement, drawShape } from './draw-element';

const SELECTION_BLUE = '#4c6ef5';

/** A name tag's box beside the pen, in screen pixels (see drawNameTag). */
const NAME_TAG = { dx: 14, dy: 10, h: 28, padding: 20 };
const NAME_TAG_FONT = '700 16px Nunito, "Segoe UI", system-ui, sans-serif';

/** What the live layer drew last: what the next draw compares with. */
export interface LiveDrawn {
  camera: Camera;
  /** The canvas's size in pixels: a resized canvas was cleared. */
  size: string;
  /** Each stroke in progress by key ('l' + pointer here, 'r' + peer's key). */
  inks: Map<string, InkTrace>;
  /** Name tags, in screen pixels. */
  tags: Rect[];
  /** Whether it drew something whose extent it does not track (selection, previews). */
  everything: boolean;
}

/**
 * Draws the live layer (ink in progress here and on other devices, shape previews, the
 * selection, the marquee). Only what changed since the last draw is cleared and drawn
 * again, inside a clip: a stroke that grew, its end; a name tag, where it was and is.
 * Five fingers drawing long strokes then cost a frame what short ones do. Whenever the
 * rarer selection tools draw, everything is.
 */
export function drawLiveLayer(
  ctx: CanvasRenderingContext2D,
  {
    controller,
    remote,
    pixelRatio,
  }: {
    controller: BoardController;
    remote: ReadonlyMap<string, LiveInk>;
    pixelRatio: number;
  },
  last: LiveDrawn | null,
): LiveDrawn {
  const { camera } = controller;
  const { x, y, zoom } = camera;
  const size = `${ctx.canvas.width}x${ctx.canvas.height}@${pixelRatio}`;
  const everything =
    controller.previews.size > 0 || controller.selection.size > 0 || controller.marquee !== null;
  const fresh =
    !last ||
    last.everything ||
    everything ||
    last.size !== size ||
    !sameCamera(last.camera, camera);
  const region = new DirtyRegion(camera, pixelRatio);
  if (fresh) region.addEverything();

  const inks = new Map<string, LiveInk>();
  for (const [key, ink] of remote) inks.set(`r${key}`, ink);
  for (const [pointer, ink] of controller.liveInk) inks.set(`l${pointer}`, ink);
  const traces = new Map<string, InkTrace>();
  for (const [key, ink] of inks) {
    const { damage, trace } = inkChange(fresh ? undefined : last!.inks.get(key), ink);
    if (trace) traces.set(key, trace);
    for (const rect of damage) region.addBoardRect(rect);
  }
  const tags: {
    at: { x: number; y: number };
    by: { name: string; color: string };
    width: number;
  }[] = [];
  const tagRects: Rect[] = [];
  for (const ink of remote.values()) {
    const at = ink.points.at(-1);
    if (!at || !ink.by?.name) continue;
    const screen = boardToScreen(camera, at);
    const width = nameTagWidth(ctx, ink.by.name);
    tags.push({ at, by: ink.by, width });
    tagRects.push({
      x: screen.x + NAME_TAG.dx,
      y: screen.y + NAME_TAG.dy,
      w: width,
      h: NAME_TAG.h,
    });
  }
  if (!fresh) {
    for (const rect of goneInkDamage(last!.inks, inks)) region.addBoardRect(rect);
    for (const rect of last!.tags) region.addScreenRect(rect);
  }
  for (const rect of tagRects) region.addScreenRect(rect);
  const drawn = { camera, size, inks: traces, tags: tagRects, everything };
  const covered = region.covered();
  if (covered !== 'all' && covered.length === 0) return drawn;

  ctx.save();
  const transform = ctx.getTransform();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (covered === 'all') ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  else {
    ctx.beginPath();
    for (const r of covered) ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
    for (const r of covered) ctx.clearRect(r.x, r.y, r.w, r.h);
  }
  ctx.setTransform(transform);
  ctx.scale(zoom, zoom);
  ctx.translate(-x, -y);
  const scale = zoom * pixelRatio;
  const drawInk = (key: string) => {
    const trace = traces.get(key);
    if (trace) fillInk(ctx, trace.outline, inks.get(key)!, scale);
  };
  for (const key of remote.keys()) drawInk(`r${key}`);
  for (const { at, by, width } of tags) drawNameTag(ctx, at, by, width, zoom);
  for (const pointer of controller.liveInk.keys()) drawInk(`l${pointer}`);
  for (const preview of controller.previews.values()) {
    ctx.save();
    ctx.translate(preview.x, preview.y);
    drawShape(ctx, { ...preview, stroke: preview.color, fill: null });
    ctx.restore();
  }
  const offset = controller.dragOffset;
  const preview = controller.transformPreview;
  for (const id of controller.selection) {
    const stored = controller.board.elements.get(id);
    if (!stored) continue;
    const element =
      preview?.id === id ? ({ ...stored, ...preview.changes } as ElementRecord) : stored;
    if (offset || preview) {
      drawElement(ctx, element, { scale, offset: offset ?? undefined });
    }
    outlineSelection(ctx, element, offset, zoom);
    if (controller.selection.size === 1 && !offset) drawHandles(ctx, element, zoom);
  }
  if (controller.marquee) drawMarquee(ctx, controller.marquee, zoom);
  ctx.restore();
  return drawn;
}

/** A frame around a selected element, turned with it. */
function outlineSelection(
  ctx: CanvasRenderingContext2D,
  element: ElementRecord,
  offset: { x: number; y: number } | null,
  zoom: number,
) {
  const b = localBounds(element);
  const pad = 6 / zoom;
  ctx.save();
  ctx.translate(element.x + (offset?.x ?? 0), element.y + (offset?.y ?? 0));
  ctx.rotate((element.rotation * Math.PI) / 180);
  ctx.strokeStyle = SELECTION_BLUE;
  ctx.lineWidth = 2 / zoom;
  ctx.setLineDash([]);
  ctx.strokeRect(b.x - pad, b.y - pad, b.w + pad * 2, b.h + pad * 2);
  ctx.restore();
}

/** The resize handle (a corner, or a line's end) and the rotate handle above the top edge. */
function drawHandles(ctx: CanvasRenderingContext2D, element: ElementRecord, zoom: number) {
  const handles = handlePositions(element, ROTATE_HANDLE_OFFSET_PX / zoom);
  const top = localBounds(element).y;
  ctx.save();
  ctx.translate(element.x, element.y);
  ctx.rotate((element.rotation * Math.PI) / 180);
  ctx.lineWidth = 2 / zoom;
  ctx.strokeStyle = SELECTION_BLUE;
  ctx.beginPath();
  ctx.moveTo(handles.rotate.x, top - 6 / zoom);
  ctx.lineTo(handles.rotate.x, handles.rotate.y);
  ctx.stroke();
  const knob = (p: { x: number; y: number }, fill: string) => {
    ctx.beginPath();
    ctx.arc(p.x, p.y, HANDLE_DRAWN_PX / 2 / zoom, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  };
  knob(handles.rotate, '#ffffff');
  // A small turning arrow inside the rotate knob.
  ctx.beginPath();
  ctx.arc(handles.rotate.x, handles.rotate.y, 10 / zoom, -Math.PI * 0.9, Math.PI * 0.5);
  ctx.stroke();
  if (handles.resize) knob(handles.resize, SELECTION_BLUE);
  ctx.restore();
}

/** A name tag's width in screen pixels. */
function nameTagWidth(ctx: CanvasRenderingContext2D, name: string): number {
  ctx.save();
  ctx.font = NAME_TAG_FONT;
  const width = ctx.measureText(name).width + NAME_TAG.padding;
  ctx.restore();
  return width;
}

/** A classmate's name beside the ink they are drawing (`width`: nameTagWidth), the same size at any zoom. */
function drawNameTag(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number },
  by: { name: string; color: string },
  width: number,
  zoom: number,
): void {
  ctx.save();
  ctx.translate(at.x, at.y);
  ctx.scale(1 / zoom, 1 / zoom);
  ctx.font = NAME_TAG_FONT;
  ctx.fillStyle = by.color;
  ctx.beginPath();
  ctx.roundRect(NAME_TAG.dx, NAME_TAG.dy, width, NAME_TAG.h, NAME_TAG.h / 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(by.name, NAME_TAG.dx + NAME_TAG.padding / 2, NAME_TAG.dy + NAME_TAG.h / 2);
  ctx.restore();
}

function drawMarquee(ctx: CanvasRenderingContext2D, r: Rect, zoom: number) {
  ctx.fillStyle = 'rgba(76, 110, 245, 0.08)';
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.strokeStyle = '#4c6ef5';
  ctx.lineWidth = 1.5 / zoom;
  ctx.setLineDash([6 / zoom, 4 / zoom]);
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  ctx.setLineDash([]);
}
