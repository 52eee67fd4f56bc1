/**
 * The server's picture of a board for one view (`GET /api/boards/<id>/raster`): its pixels
 * raw, RGBA rows, not premultiplied (as ImageData holds them), width × height × 4 bytes.
 * The page puts them on a canvas as they are. At 4K (33 MB) that took 310–450 ms from
 * navigation here; the same pixels gzipped (8 MB) took 500–720 ms, as the browser inflated
 * them, and a PNG's decode alone 160–430 ms. Only the table asks for one (a tablet draws),
 * on the school's network.
 */
export const BOARD_PICTURE_TYPE = 'application/vnd.roundtable.rgba';

/** The bytes of a picture of this many pixels. */
export const picturePixelBytes = (width: number, height: number) => width * height * 4;

/** What a device's scene canvas shows: its camera and its size in canvas pixels. */
export interface PictureView {
  x: number;
  y: number;
  zoom: number;
  /** Canvas pixels, and canvas pixels per screen pixel. */
  width: number;
  height: number;
  pixelRatio: number;
}

/** The query string asking for a view's picture (`?x=&y=&zoom=&w=&h=&pr=`). */
export function pictureViewQuery(view: PictureView): string {
  return new URLSearchParams({
    x: String(view.x),
    y: String(view.y),
    zoom: String(view.zoom),
    w: String(view.width),
    h: String(view.height),
    pr: String(view.pixelRatio),
  }).toString();
}

/** A view from a query string, or null if it is not one (sizes up to 8K). */
export function parsePictureView(params: URLSearchParams): PictureView | null {
  const number = (name: string) => Number(params.get(name));
  const view = {
    x: number('x'),
    y: number('y'),
    zoom: number('zoom'),
    width: number('w'),
    height: number('h'),
    pixelRatio: number('pr') || 1,
  };
  const whole = (n: number) => Number.isInteger(n) && n > 0 && n <= 8192;
  const ok =
    [view.x, view.y].every(Number.isFinite) &&
    view.zoom > 0 &&
    view.zoom <= 64 &&
    view.pixelRatio > 0 &&
    view.pixelRatio <= 4 &&
    whole(view.width) &&
    whole(view.height);
  return ok ? view : null;
}

/** One key per distinct view. */
export const pictureViewKey = (view: PictureView) =>
  `${view.x},${view.y},${view.zoom},${view.width}x${view.height}@${view.pixelRatio}`;
