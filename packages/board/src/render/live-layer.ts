import {
  boardToScreen,
  type Covered,
  DirtyRegion,
  type ElementRecord,
  handlePositions,
  inkBounds,
  localBounds,
  type Rect,
} from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import type { LiveInk } from '../controller/gestures/draw';
import { HANDLE_DRAWN_PX, ROTATE_HANDLE_OFFSET_PX } from '../controller/gestures/transform';
import { drawElement, drawLiveInk, drawShape } from './draw-element';

const SELECTION_BLUE = '#4c6ef5';

/** A name tag's box beside the pen, in screen pixels (see drawNameTag). */
const NAME_TAG = { dx: 14, dy: 10, h: 28, padding: 20 };

/** Clears what a previous draw covered, in canvas pixels, whatever the transform. */
export function clearCovered(ctx: CanvasRenderingContext2D, covered: Covered): void {
  if (covered !== 'all' && covered.length === 0) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (covered === 'all') ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  else for (const r of covered) ctx.clearRect(r.x, r.y, r.w, r.h);
  ctx.restore();
}

/**
 * Draws the live layer (ink in progress here and on other devices, shape previews, the
 * selection, the marquee) onto a cleared canvas and returns what it covered. Ink and name
 * tags have known bounds; whenever the rarer selection tools draw, it covers everything.
 */
export function drawLiveLayer(
  ctx: CanvasRenderingContext2D,
  {
    controller,
    remote,
    pixelRatio,
  }: { controller: BoardController; remote: readonly LiveInk[]; pixelRatio: number },
): Covered {
  const { x, y, zoom } = controller.camera;
  const covered = new DirtyRegion(controller.camera, pixelRatio);
  const ink = (live: LiveInk) => {
    drawLiveInk(ctx, live.points, live, zoom * pixelRatio);
    const bounds = inkBounds(live.points, live);
    if (bounds) covered.addBoardRect(bounds);
  };
  ctx.save();
  ctx.scale(zoom, zoom);
  ctx.translate(-x, -y);
  for (const live of remote) ink(live);
  for (const live of remote) {
    const at = live.points.at(-1);
    if (!at || !live.by?.name) continue;
    const width = drawNameTag(ctx, at, live.by, zoom);
    const screen = boardToScreen(controller.camera, at);
    covered.addScreenRect({
      x: screen.x + NAME_TAG.dx,
      y: screen.y + NAME_TAG.dy,
      w: width,
      h: NAME_TAG.h,
    });
  }
  for (const live of controller.liveInk.values()) ink(live);
  for (const preview of controller.previews.values()) {
    ctx.save();
    ctx.translate(preview.x, preview.y);
    drawShape(ctx, { ...preview, stroke: preview.color, fill: null });
    ctx.restore();
    covered.addEverything();
  }
  const offset = controller.dragOffset;
  const preview = controller.transformPreview;
  for (const id of controller.selection) {
    const stored = controller.board.elements.get(id);
    if (!stored) continue;
    const element =
      preview?.id === id ? ({ ...stored, ...preview.changes } as ElementRecord) : stored;
    if (offset || preview) {
      drawElement(ctx, element, { scale: zoom * pixelRatio, offset: offset ?? undefined });
    }
    outlineSelection(ctx, element, offset, zoom);
    if (controller.selection.size === 1 && !offset) drawHandles(ctx, element, zoom);
    covered.addEverything();
  }
  if (controller.marquee) {
    drawMarquee(ctx, controller.marquee, zoom);
    covered.addEverything();
  }
  ctx.restore();
  return covered.covered();
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

/** A classmate's name beside the ink they are drawing, the same size at any zoom; returns its width. */
function drawNameTag(
  ctx: CanvasRenderingContext2D,
  at: { x: number; y: number },
  by: { name: string; color: string },
  zoom: number,
): number {
  ctx.save();
  ctx.translate(at.x, at.y);
  ctx.scale(1 / zoom, 1 / zoom);
  ctx.font = '700 16px Nunito, "Segoe UI", system-ui, sans-serif';
  const width = ctx.measureText(by.name).width + NAME_TAG.padding;
  ctx.fillStyle = by.color;
  ctx.beginPath();
  ctx.roundRect(NAME_TAG.dx, NAME_TAG.dy, width, NAME_TAG.h, NAME_TAG.h / 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(by.name, NAME_TAG.dx + NAME_TAG.padding / 2, NAME_TAG.dy + NAME_TAG.h / 2);
  ctx.restore();
  return width;
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
