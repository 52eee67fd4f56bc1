import {
  boardToScreen,
  type Camera,
  type Rect,
  screenToBoard,
  unionRects,
} from '../geometry/camera';

/** A rectangle of whole canvas pixels. */
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a layer's redraw covered: some rectangles of pixels (none at all), or everything. */
export type Covered = readonly PixelRect[] | 'all';

/** The part of `rect` on a canvas of `width` × `height` pixels, or null if none of it is. */
export function pixelsOnCanvas(rect: PixelRect, width: number, height: number): PixelRect | null {
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const w = Math.min(width, rect.x + rect.w) - x;
  const h = Math.min(height, rect.y + rect.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

/** The board rectangle canvas pixels `rect` show under `camera` (what DirtyRegion maps back). */
export function boardRectOfPixels(rect: PixelRect, camera: Camera, pixelRatio: number): Rect {
  const origin = screenToBoard(camera, { x: rect.x / pixelRatio, y: rect.y / pixelRatio });
  const scale = pixelRatio * camera.zoom;
  return { ...origin, w: rect.w / scale, h: rect.h / scale };
}

/** Past this many rectangles, one around all of them is cleared instead. */
const MAX_RECTS = 32;

/**
 * Collects what one redraw of a canvas covers, in canvas pixels, so that the next redraw
 * clears only that rather than the whole canvas (at 4K without a GPU, clearing it all is
 * most of a live frame's cost). Each thing drawn keeps its own rectangle: five fingers
 * apart on a table cover five small areas, not the screen between them. Whatever is drawn
 * without known bounds covers 'all'.
 */
export class DirtyRegion {
  private readonly rects: PixelRect[] = [];
  private everything = false;

  constructor(
    private readonly camera: Camera,
    /** Canvas pixels per screen pixel. */
    private readonly pixelRatio: number,
  ) {}

  /** A rectangle in board coordinates. */
  addBoardRect(rect: Rect): void {
    const { zoom } = this.camera;
    this.addScreenRect({ ...boardToScreen(this.camera, rect), w: rect.w * zoom, h: rect.h * zoom });
  }

  /**
   * A rectangle in screen pixels, kept as whole canvas pixels plus two for anti-aliasing.
   * One that is not a number (a NaN point) covers everything.
   */
  addScreenRect(rect: Rect): void {
    const r = this.pixelRatio;
    const edges = [rect.x * r, rect.y * r, (rect.x + rect.w) * r, (rect.y + rect.h) * r];
    if (!edges.every(Number.isFinite)) {
      this.everything = true;
      return;
    }
    const [x1, y1, x2, y2] = edges as [number, number, number, number];
    const x = Math.floor(Math.min(x1, x2)) - 2;
    const y = Math.floor(Math.min(y1, y2)) - 2;
    this.rects.push({
      x,
      y,
      w: Math.ceil(Math.max(x1, x2)) + 2 - x,
      h: Math.ceil(Math.max(y1, y2)) + 2 - y,
    });
  }

  /** Something whose extent is not known was drawn. */
  addEverything(): void {
    this.everything = true;
  }

  /** The pixels covered: a rectangle per thing drawn (a single one past 32), or 'all'. */
  covered(): Covered {
    if (this.everything) return 'all';
    if (this.rects.length <= MAX_RECTS) return this.rects;
    return [unionRects(this.rects)!];
  }
}
