import { compareByZ } from '../doc/board';
import type { Canvas2D, Pictures } from '../elements/canvas';
import { drawElementOn } from '../elements/registry';
import { paintedBounds } from '../geometry/bounds';
import { type Rect, rectsIntersect } from '../geometry/camera';
import type { ElementRecord } from '../schema/elements';
import type { PictureView } from '../wire/board-picture';

/** Canvas pixels per board unit in `view`. */
export const viewScale = (view: PictureView) => view.pixelRatio * view.zoom;

/** The board rectangle a view's canvas shows. */
export function viewRect(view: PictureView): Rect {
  const scale = viewScale(view);
  return { x: view.x, y: view.y, w: view.width / scale, h: view.height / scale };
}

/** The elements whose pixels may show in `visible`, in drawing order (bottom first). */
export function elementsToDraw(
  elements: Iterable<ElementRecord>,
  visible: Rect,
  painted: (element: ElementRecord) => Rect = paintedBounds,
): ElementRecord[] {
  const out: ElementRecord[] = [];
  for (const element of elements) if (rectsIntersect(painted(element), visible)) out.push(element);
  return out.sort(compareByZ);
}

/**
 * Draws the board as a scene canvas of `view` shows it, onto a clear canvas of the view's
 * size: the device's scene and the server's pictures of boards both draw through here,
 * with the same Skia, so their pixels agree.
 */
export function drawBoardView(
  ctx: Canvas2D,
  elements: Iterable<ElementRecord>,
  view: PictureView,
  pictures: Pictures,
): void {
  const scale = viewScale(view);
  ctx.setTransform(scale, 0, 0, scale, -view.x * scale, -view.y * scale);
  for (const element of elementsToDraw(elements, viewRect(view)))
    drawElementOn(ctx, element, { scale, pictures });
}
