/**
 * The view onto the infinite board: the board point shown at the screen's top-left corner,
 * and the zoom (screen pixels per board unit).
 */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;

export const IDENTITY_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(camera: Camera, p: Point): Point {
  return { x: p.x / camera.zoom + camera.x, y: p.y / camera.zoom + camera.y };
}

export function boardToScreen(camera: Camera, p: Point): Point {
  return { x: (p.x - camera.x) * camera.zoom, y: (p.y - camera.y) * camera.zoom };
}

/**
 * What carries a picture drawn with camera `from` to where camera `to` shows the same board:
 * its screen point s lands at s × scale + (x, y). A scene drawn for one camera can be shown
 * for another this way (scaled and moved) until it is drawn again.
 */
export function cameraChange(from: Camera, to: Camera): { scale: number; x: number; y: number } {
  return { scale: to.zoom / from.zoom, x: (from.x - to.x) * to.zoom, y: (from.y - to.y) * to.zoom };
}

/** Zooms by `factor` keeping the board point under `screenPoint` where it is (pinch, wheel). */
export function zoomAt(camera: Camera, screenPoint: Point, factor: number): Camera {
  const zoom = clampZoom(camera.zoom * factor);
  const anchor = screenToBoard(camera, screenPoint);
  return { x: anchor.x - screenPoint.x / zoom, y: anchor.y - screenPoint.y / zoom, zoom };
}

/** Moves the view by a screen-space drag. */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { ...camera, x: camera.x - dx / camera.zoom, y: camera.y - dy / camera.zoom };
}

/** The board area the screen shows. */
export function visibleRect(camera: Camera, viewport: { width: number; height: number }): Rect {
  return {
    x: camera.x,
    y: camera.y,
    w: viewport.width / camera.zoom,
    h: viewport.height / camera.zoom,
  };
}

/** A camera that shows all of `content` with a margin, centred; no closer than 100%. */
export function fitCamera(
  content: Rect | null,
  viewport: { width: number; height: number },
  margin = 48,
): Camera {
  if (!content) return IDENTITY_CAMERA;
  const zoom = clampZoom(
    Math.min(
      1,
      (viewport.width - margin * 2) / Math.max(content.w, 1),
      (viewport.height - margin * 2) / Math.max(content.h, 1),
    ),
  );
  return {
    x: content.x + content.w / 2 - viewport.width / 2 / zoom,
    y: content.y + content.h / 2 - viewport.height / 2 / zoom,
    zoom,
  };
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** `rect` grown by `by` on every side. */
export function growRect(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + by * 2, h: rect.h + by * 2 };
}

export function unionRects(rects: Iterable<Rect>): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Number.POSITIVE_INFINITY
    ? null
    : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}
