/**
 * How the board lays out text, the same in every renderer: the canvas, the SVG of exhibits and
 * thumbnails, the slideshow and the PDF. Lines break where `wrapText` says, measured with
 * `textWidth` (fixed metrics, not the device's fonts), so a note reads line for line the
 * same on the table, on a tablet, in the gallery and on paper; each renderer then fits every
 * line into the width it was measured at, so text never runs past a note's edge.
 */

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;
/** The board's font, as CSS names it (weight 600). */
export const BOARD_FONT = 'Nunito, "Segoe UI", system-ui, sans-serif';

/**
 * Advance widths (per 1000 units of font size) of printable ASCII (32–126) and Latin-1
 * (160–255) in a semi-bold sans: Helvetica-Bold's, which the PDF uses as it is.
 */
const ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const LATIN1 = [
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333,
  333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722,
  1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778,
  722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556,
  278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611,
  556,
];

/** Width of one character (a code point) per 1000 units of font size. */
function charWidth(codePoint: number): number {
  if (codePoint >= 32 && codePoint <= 126) return ASCII[codePoint - 32]!;
  if (codePoint >= 160 && codePoint <= 255) return LATIN1[codePoint - 160]!;
  // Combining marks and joiners take no room of their own.
  if (
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x64b && codePoint <= 0x65f) ||
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  )
    return 0;
  // Wide scripts (CJK, Hangul, full-width forms) and emoji are about a square each.
  if (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    codePoint >= 0x1f000
  )
    return 1000;
  // Anything else (Latin Extended, Greek, Cyrillic, Arabic, …): a wide letter, to be safe.
  return 620;
}

/** Width of `text` at `fontSize`, by the board's fixed metrics. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const char of text) units += charWidth(char.codePointAt(0)!);
  return (units * fontSize) / 1000;
}

/** Measures a line's width (at the font size the caller lays out in). */
export type MeasureText = (text: string) => number;

/** Splits a word wider than `width` into pieces that fit (at least one character each). */
function breakWord(word: string, width: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char) > width) {
      pieces.push(piece);
      piece = char;
    } else piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Splits text into lines no wider than `width`: at spaces, at newlines, and inside a word
 * only when the word alone is wider than the line.
 */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(word) <= width) {
        line = word;
        continue;
      }
      const pieces = breakWord(word, width, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/** A block of text to lay out: its first line's top-left at (x, y) in its element's frame. */
export interface TextBox {
  text: string;
  fontSize: number;
  width: number;
  x: number;
  y: number;
}

/** A laid-out line: where its top-left goes and how wide it is by the board's metrics. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** The box's lines, placed: what every renderer draws. */
export function layoutTextBox(box: TextBox): TextLine[] {
  if (!box.text) return [];
  const measure = (line: string) => textWidth(line, box.fontSize);
  return wrapText(box.text, Math.max(1, box.width), measure).map((text, i) => ({
    text,
    x: box.x,
    y: box.y + i * box.fontSize * LINE_HEIGHT,
    width: measure(text),
  }));
}
