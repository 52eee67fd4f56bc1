import { type Board, listElements } from '../doc/board';
import { decodeStrokeOnce } from '../encoding/stroke-codec';
import { elementBounds } from '../geometry/bounds';
import { type Rect, unionRects } from '../geometry/camera';
import type { ElementRecord } from '../schema/elements';
import { HIGHLIGHTER_OPACITY, inkOutline, outlineToSvgPath } from './ink';
import {
  BOARD_FONT,
  layoutTextBox,
  noteTextBox,
  type TextBox,
  textElementBox,
} from './text-layout';

const PADDING = 40;

/** Text as SVG character data: the five XML specials escaped, nothing else can break out. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/**
 * The box's lines as every renderer lays them out, each pinned to the width it was measured
 * at (`textLength`), so the viewer's font can never carry a line past a note's edge.
 */
function textLines(box: TextBox, color: string) {
  return layoutTextBox(box)
    .filter((line) => line.text)
    .map(
      (line) =>
        `<text x="${line.x}" y="${line.y}" font-size="${box.fontSize}" font-weight="600" font-family="${escapeXml(BOARD_FONT)}" fill="${color}" dominant-baseline="hanging" textLength="${round(line.width)}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(line.text)}</text>`,
    )
    .join('');
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A picture's data: a URL the SVG can show wherever it is opened (a data: URI), or null. */
export type ImageHref = (assetId: string) => string | null;

function elementSvg(element: ElementRecord, imageHref: ImageHref): string {
  const transform = `translate(${element.x} ${element.y})${element.rotation ? ` rotate(${element.rotation})` : ''}`;
  const group = (body: string) => `<g transform="${transform}">${body}</g>`;
  switch (element.type) {
    case 'stroke': {
      const outline = inkOutline(decodeStrokeOnce(element.points), element);
      const opacity =
        element.tool === 'highlighter' ? ` fill-opacity="${HIGHLIGHTER_OPACITY}"` : '';
      return group(`<path d="${outlineToSvgPath(outline)}" fill="${element.color}"${opacity}/>`);
    }
    case 'shape': {
      const stroke = `stroke="${element.stroke}" stroke-width="${element.strokeWidth}" stroke-linecap="round" stroke-linejoin="round" fill="${element.fill ?? 'none'}"`;
      if (element.kind === 'rect')
        return group(`<rect width="${element.w}" height="${element.h}" ${stroke}/>`);
      if (element.kind === 'ellipse') {
        return group(
          `<ellipse cx="${element.w / 2}" cy="${element.h / 2}" rx="${Math.abs(element.w / 2)}" ry="${Math.abs(element.h / 2)}" ${stroke}/>`,
        );
      }
      let d = `M0 0L${element.w} ${element.h}`;
      if (element.kind === 'arrow') {
        const angle = Math.atan2(element.h, element.w);
        const head = Math.max(14, element.strokeWidth * 4);
        for (const side of [-1, 1]) {
          d += `M${element.w} ${element.h}L${element.w - head * Math.cos(angle + side * 0.45)} ${element.h - head * Math.sin(angle + side * 0.45)}`;
        }
      }
      return group(`<path d="${d}" ${stroke}/>`);
    }
    case 'note':
      return group(
        `<rect x="4" y="6" width="${element.w}" height="${element.h}" fill="#1f2a44" fill-opacity="0.12"/><rect width="${element.w}" height="${element.h}" fill="${element.color}"/>${textLines(noteTextBox(element), '#1f2a44')}`,
      );
    case 'text':
      return group(textLines(textElementBox(element), element.color));
    case 'image': {
      const href = imageHref(element.assetId);
      const title = `<title>${escapeXml(element.alt)}</title>`;
      // A picture that cannot be had shows as an empty frame where it was.
      return group(
        href
          ? `<image href="${escapeXml(href)}" width="${element.w}" height="${element.h}" preserveAspectRatio="none">${title}</image>`
          : `<rect width="${element.w}" height="${element.h}" fill="#e9ecef" stroke="#adb5bd" stroke-width="2">${title}</rect>`,
      );
    }
  }
}

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
    .map((element) => elementSvg(element, imageHref))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" width="${Math.round(view.w)}" height="${Math.round(view.h)}"><rect x="${view.x}" y="${view.y}" width="${view.w}" height="${view.h}" fill="${background}"/>${body}</svg>`;
}
