import { type Board, listElements } from '../doc/board';
import { elementSvg } from '../elements/registry';
import type { ImageHref } from '../elements/svg';
import { elementBounds } from '../geometry/bounds';
import { type Rect, unionRects } from '../geometry/camera';

export { escapeXml, type ImageHref } from '../elements/svg';

const PADDING = 40;

/** The pictures a board shows (each once). */
export function boardAssetIds(board: Board): string[] {
  const ids = new Set<string>();
  for (const element of listElements(board)) if (element.type === 'image') ids.add(element.assetId);
  return [...ids];
}

/** The area a board's content covers, with a margin (a small default for an empty board). */
export function contentBounds(board: Board): Rect {
  const bounds = unionRects(listElements(board).map(elementBounds));
  if (!bounds) return { x: 0, y: 0, w: 800, h: 600 };
  return {
    x: bounds.x - PADDING,
    y: bounds.y - PADDING,
    w: bounds.w + PADDING * 2,
    h: bounds.h + PADDING * 2,
  };
}

/**
 * A board as a standalone SVG document (vector: strokes as their filled outlines, notes,
 * text, shapes; pictures as `imageHref` gives them, which should be data: URIs so the file
 * is complete in an <img>, a slideshow or opened from disk). For exhibits, thumbnails and
 * SVG export. Pure: the same records and pictures always give the same SVG.
 */
export function boardToSvg(
  board: Board,
  {
    imageHref = () => null,
    background = '#fbfaf6',
  }: { imageHref?: ImageHref; background?: string } = {},
): string {
  const view = contentBounds(board);
  const body = listElements(board)
    .map((element) => elementSvg(element, { imageHref }))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" width="${Math.round(view.w)}" height="${Math.round(view.h)}"><rect x="${view.x}" y="${view.y}" width="${view.w}" height="${view.h}" fill="${background}"/>${body}</svg>`;
}
