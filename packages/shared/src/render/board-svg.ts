import { type Board, listElements } from '../doc/board';
import { decodeStrokeOnce } from '../encoding/stroke-codec';
import { elementBounds } from '../geometry/bounds';
import { type Rect, unionRects } from '../geometry/camera';
import type { ElementRecord } from '../schema/elements';
import { HIGHLIGHTER_OPACITY, inkOutline, outlineToSvgPath } from './ink';

const FONT = 'Nunito, Segoe UI, system-ui, sans-serif';
const PADDING = 40;

/** Text as SVG character data: the five XML specials escaped, nothing else can break out. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Lines for a box `width` wide, by an average glyph width (no font metrics on a server). */
function wrap(text: string, fontSize: number, width: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (next.length > perLine && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function textLines(
  text: string,
  fontSize: number,
  width: number,
  color: string,
  x: number,
  y: number,
) {
  return wrap(text, fontSize, width)
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * fontSize * 1.25}" font-size="${fontSize}" font-weight="600" font-family="${FONT}" fill="${color}" dominant-baseline="hanging">${escapeXml(line)}</text>`,
    )
    .join('');
}

function elementSvg(element: ElementRecord, assetUrl: (id: string) => string): string {
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
        `<rect x="4" y="6" width="${element.w}" height="${element.h}" fill="#1f2a44" fill-opacity="0.12"/><rect width="${element.w}" height="${element.h}" fill="${element.color}"/>${textLines(element.text, element.fontSize, element.w - 32, '#1f2a44', 16, 16)}`,
      );
    case 'text':
      return group(textLines(element.text, element.fontSize, element.w, element.color, 0, 0));
    case 'image':
      return group(
        `<image href="${escapeXml(assetUrl(element.assetId))}" width="${element.w}" height="${element.h}" preserveAspectRatio="none"><title>${escapeXml(element.alt)}</title></image>`,
      );
  }
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
 * text, shapes, pictures by URL), for exhibits' thumbnails and SVG export. Pure: the server
 * renders exhibits with it, and the same records always give the same SVG.
 */
export function boardToSvg(
  board: Board,
  { assetUrl = (id: string) => `/api/assets/${id}`, background = '#fbfaf6' } = {},
): string {
  const view = contentBounds(board);
  const body = listElements(board)
    .map((element) => elementSvg(element, assetUrl))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" width="${Math.round(view.w)}" height="${Math.round(view.h)}"><rect x="${view.x}" y="${view.y}" width="${view.w}" height="${view.h}" fill="${background}"/>${body}</svg>`;
}
