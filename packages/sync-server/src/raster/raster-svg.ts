import { type Board, boardToSvg } from '@roundtable/shared';

/** What a device's scene canvas shows: its camera and its size in canvas pixels. */
export interface RasterView {
  x: number;
  y: number;
  zoom: number;
  /** Canvas pixels, and canvas pixels per screen pixel. */
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * The board as the scene canvas of `view` draws it: the shared SVG, with a transparent
 * background (the page's shows through the canvas) and its view box set to the camera's.
 */
export function boardSvgForView(board: Board, view: RasterView): string {
  const svg = boardToSvg(board, { background: 'none' });
  const scale = view.pixelRatio * view.zoom;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.width / scale} ${view.height / scale}" width="${view.width}" height="${view.height}">`;
  return svg.replace(/^<svg[^>]*>/, open);
}

/** A view from a query string, or null if it is not one (sizes up to 8K). */
export function parseRasterView(params: URLSearchParams): RasterView | null {
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

export const viewKey = (view: RasterView) =>
  `${view.x},${view.y},${view.zoom},${view.width}x${view.height}@${view.pixelRatio}`;
