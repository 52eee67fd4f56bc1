import {
  appendBezierCurve,
  beginText,
  closePath,
  concatTransformationMatrix,
  drawEllipsePath,
  drawObject,
  endText,
  fill,
  fillAndStroke,
  LineCapStyle,
  LineJoinStyle,
  lineTo,
  moveTo,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  setGraphicsState,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingColor,
  stroke,
} from 'pdf-lib';
import { PICTURE_FRAME } from '../elements/image';
import { NOTE_INK, NOTE_SHADOW, noteTextBox } from '../elements/note';
import { isFilledShape, shapeSegments } from '../elements/shape';
import { inkOpacity, strokeOutline } from '../elements/stroke';
import { textElementBox } from '../elements/text';
import { laidOut } from '../elements/text-box';
import type { TextBox } from '../render/text-layout';
import type { ElementRecord } from '../schema/elements';
import { runOperators, type TextRuns } from './pdf-text';

/** What a page's drawing refers to by name: its fonts, pictures and see-through states. */
export interface Resources {
  /** The standard font of the board's text. */
  font: PDFFont;
  /** A font's name on this page. */
  fontName(font: PDFFont): PDFName;
  /** A line as runs of the fonts that write it, in drawing order. */
  runs: TextRuns;
  picture(assetId: string): PDFName | null;
  opacity(alpha: number): PDFName;
}

/** "#1f2a44" as a PDF colour. */
export function fillColor(hex: string) {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** From the top of a line (where the board lays it) down to its baseline, per font size. */
const ASCENT = 0.8;

/** An ink outline as the canvas traces it: curves through the midpoints of its points. */
function outlinePath(outline: readonly number[]): PDFOperator[] {
  const n = outline.length / 2;
  if (n < 2) return [];
  const ops = [moveTo(outline[0]!, outline[1]!)];
  let cx = outline[0]!;
  let cy = outline[1]!;
  for (let i = 1; i < n; i++) {
    const qx = outline[i * 2]!;
    const qy = outline[i * 2 + 1]!;
    const next = (i + 1) % n;
    const x = (qx + outline[next * 2]!) / 2;
    const y = (qy + outline[next * 2 + 1]!) / 2;
    // The quadratic through (qx, qy) as the cubic PDF draws.
    ops.push(
      appendBezierCurve(
        cx + ((qx - cx) * 2) / 3,
        cy + ((qy - cy) * 2) / 3,
        x + ((qx - x) * 2) / 3,
        y + ((qy - y) * 2) / 3,
        x,
        y,
      ),
    );
    cx = x;
    cy = y;
  }
  ops.push(closePath(), fill());
  return ops;
}

/** The box's lines as every renderer lays them out, as real (selectable, searchable) text. */
function textOperators(box: TextBox, color: string, resources: Resources): PDFOperator[] {
  const ops: PDFOperator[] = [];
  for (const line of laidOut(box)) {
    if (!line.text) continue;
    ops.push(
      pushGraphicsState(),
      setFillingColor(fillColor(color)),
      // The board's y runs down; text is written upright from its baseline.
      concatTransformationMatrix(1, 0, 0, -1, line.x, line.y + box.fontSize * ASCENT),
      beginText(),
      ...runOperators(resources.runs(line.text, resources.font), box.fontSize, resources.fontName),
      endText(),
      popGraphicsState(),
    );
  }
  return ops;
}

function shapeOperators(element: Extract<ElementRecord, { type: 'shape' }>): PDFOperator[] {
  const ops: PDFOperator[] = [
    setStrokingColor(fillColor(element.stroke)),
    setLineWidth(element.strokeWidth),
    setLineCap(LineCapStyle.Round),
    setLineJoin(LineJoinStyle.Round),
  ];
  const filled = isFilledShape(element);
  if (filled) ops.push(setFillingColor(fillColor(element.fill!)));
  if (element.kind === 'rect') ops.push(rectangle(0, 0, element.w, element.h));
  else if (element.kind === 'ellipse') {
    ops.push(
      ...drawEllipsePath({
        x: element.w / 2,
        y: element.h / 2,
        xScale: Math.abs(element.w / 2),
        yScale: Math.abs(element.h / 2),
      }),
    );
  } else {
    for (const [x0, y0, x1, y1] of shapeSegments(element)) ops.push(moveTo(x0, y0), lineTo(x1, y1));
  }
  ops.push(filled ? fillAndStroke() : stroke());
  return ops;
}

function bodyOperators(element: ElementRecord, resources: Resources): PDFOperator[] {
  switch (element.type) {
    case 'stroke': {
      const ops: PDFOperator[] = [setFillingColor(fillColor(element.color))];
      const opacity = inkOpacity(element.tool);
      if (opacity < 1) ops.push(setGraphicsState(resources.opacity(opacity)));
      return [...ops, ...outlinePath(strokeOutline(element))];
    }
    case 'shape':
      return shapeOperators(element);
    case 'note':
      return [
        pushGraphicsState(),
        setGraphicsState(resources.opacity(NOTE_SHADOW.opacity)),
        setFillingColor(fillColor(NOTE_INK)),
        rectangle(NOTE_SHADOW.dx, NOTE_SHADOW.dy, element.w, element.h),
        fill(),
        popGraphicsState(),
        setFillingColor(fillColor(element.color)),
        rectangle(0, 0, element.w, element.h),
        fill(),
        ...textOperators(noteTextBox(element), NOTE_INK, resources),
      ];
    case 'text':
      return textOperators(textElementBox(element), element.color, resources);
    case 'image': {
      const name = resources.picture(element.assetId);
      if (!name) {
        return [
          setFillingColor(fillColor(PICTURE_FRAME.fill)),
          setStrokingColor(fillColor(PICTURE_FRAME.stroke)),
          setLineWidth(PICTURE_FRAME.strokeWidth),
          rectangle(0, 0, element.w, element.h),
          fillAndStroke(),
        ];
      }
      // The picture's unit square onto the element, upright.
      return [
        concatTransformationMatrix(element.w, 0, 0, -element.h, 0, element.h),
        drawObject(name),
      ];
    }
  }
}

/** One element in board coordinates (the caller maps the board onto the page). */
export function elementOperators(element: ElementRecord, resources: Resources): PDFOperator[] {
  const radians = ((element.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return [
    pushGraphicsState(),
    concatTransformationMatrix(cos, sin, -sin, cos, element.x, element.y),
    ...bodyOperators(element, resources),
    popGraphicsState(),
  ];
}
