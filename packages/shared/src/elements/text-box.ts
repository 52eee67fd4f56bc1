import type { Rect } from '../geometry/camera';
import {
  BOARD_FONT,
  LINE_HEIGHT,
  layoutTextBox,
  type TextBox,
  type TextLine,
} from '../render/text-layout';
import type { Canvas2D } from './canvas';
import { escapeXml, svgNumber } from './svg';

/** Laid-out text, kept while the same text is drawn again (a redraw, a pan). */
const layouts = new Map<string, TextLine[]>();
export function laidOut(box: TextBox): TextLine[] {
  const key = `${box.fontSize}|${box.width}|${box.x}|${box.y}|${box.text}`;
  let lines = layouts.get(key);
  if (!lines) {
    if (layouts.size > 2000) layouts.clear();
    lines = layoutTextBox(box);
    layouts.set(key, lines);
  }
  return lines;
}

/** What the box's text covers in its element's frame: its width, and at least one line. */
export function textBoxRect(box: TextBox): Rect {
  const lines = Math.max(1, laidOut(box).length);
  return { x: box.x, y: box.y, w: box.width, h: lines * box.fontSize * LINE_HEIGHT };
}

/**
 * The box's lines, each drawn no wider than it was measured: a device whose font runs wider
 * squeezes the line instead of letting it run past the note's edge.
 */
export function drawTextBox(ctx: Canvas2D, box: TextBox, color: string) {
  const lines = laidOut(box);
  if (lines.length === 0) return;
  ctx.font = `600 ${box.fontSize}px ${BOARD_FONT}`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'top';
  for (const line of lines) ctx.fillText(line.text, line.x, line.y, Math.max(1, line.width));
}

/**
 * The box's lines as SVG, each pinned to the width it was measured at (`textLength`), so the
 * viewer's font can never carry a line past a note's edge.
 */
export function textBoxSvg(box: TextBox, color: string): string {
  return laidOut(box)
    .filter((line) => line.text)
    .map(
      (line) =>
        `<text x="${line.x}" y="${line.y}" font-size="${box.fontSize}" font-weight="600" font-family="${escapeXml(BOARD_FONT)}" fill="${color}" dominant-baseline="hanging" textLength="${svgNumber(line.width)}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(line.text)}</text>`,
    )
    .join('');
}
