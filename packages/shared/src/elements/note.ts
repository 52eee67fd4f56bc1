import { growRect, type Rect } from '../geometry/camera';
import { insideRect, placedBounds } from '../geometry/plane';
import type { TextBox } from '../render/text-layout';
import type { NoteRecord } from '../schema/records/note';
import { ANTIALIAS_MARGIN, type ElementUtil } from './element-util';
import { drawTextBox, textBoxRect, textBoxSvg } from './text-box';

/** Where a note's text starts inside it, and the margin it keeps on the right. */
export const NOTE_PADDING = 16;
/** The colour of a note's text, and of its shadow. */
export const NOTE_INK = '#1f2a44';
/**
 * A flat offset shadow, 4 right and 6 below the note, in the ink at 12 %: real canvas
 * shadows are slow in software rendering.
 */
export const NOTE_SHADOW = { dx: 4, dy: 6, opacity: 0.12 } as const;

/** `#rrggbb` at `alpha`, as CSS writes it (the canvas takes no separate fill opacity). */
function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
const SHADOW_FILL = rgba(NOTE_INK, NOTE_SHADOW.opacity);

/** A note's text: inside its padding. */
export const noteTextBox = (note: { text: string; fontSize: number; w: number }): TextBox => ({
  text: note.text,
  fontSize: note.fontSize,
  width: note.w - NOTE_PADDING * 2,
  x: NOTE_PADDING,
  y: NOTE_PADDING,
});

const box = (note: NoteRecord): Rect => ({ x: 0, y: 0, w: note.w, h: note.h });

export const noteUtil: ElementUtil<NoteRecord> = {
  localBounds: box,
  paintedBounds(note) {
    // Its shadow, and text that may run below a note too small for it.
    const text = textBoxRect(noteTextBox(note));
    const w = Math.max(note.w + NOTE_SHADOW.dx, text.x + text.w);
    const h = Math.max(note.h + NOTE_SHADOW.dy, text.y + text.h);
    return growRect(placedBounds({ x: 0, y: 0, w, h }, note), ANTIALIAS_MARGIN);
  },
  hits: (note, local, radius) => insideRect(local, box(note), radius),
  draw(ctx, note) {
    ctx.fillStyle = SHADOW_FILL;
    ctx.fillRect(NOTE_SHADOW.dx, NOTE_SHADOW.dy, note.w, note.h);
    ctx.fillStyle = note.color;
    ctx.fillRect(0, 0, note.w, note.h);
    drawTextBox(ctx, noteTextBox(note), NOTE_INK);
  },
  svg: (note) =>
    `<rect x="${NOTE_SHADOW.dx}" y="${NOTE_SHADOW.dy}" width="${note.w}" height="${note.h}" fill="${NOTE_INK}" fill-opacity="${NOTE_SHADOW.opacity}"/><rect width="${note.w}" height="${note.h}" fill="${note.color}"/>${textBoxSvg(noteTextBox(note), NOTE_INK)}`,
};
