import type { Point } from '../geometry/camera';
import { rotate } from '../geometry/plane';

/** A dot button's size on screen, in CSS pixels: a finger's width when there is room. */
export const DOT_MAX_PX = 52;
export const DOT_MIN_PX = 28;

/** Where a note's dot button goes on screen, and how big it is. */
export interface DotPlacement {
  /** The button's centre in board coordinates. */
  center: Point;
  /** Its height (and least width) in CSS pixels. */
  size: number;
}

/**
 * A note's dot button: just outside its top-right corner (turned with the note), so it never
 * covers the note's text at any zoom; a third of the note's size on screen, between a small
 * and a finger-sized button. Its whole box lies beyond the note's top edge: a gap of 2 px.
 */
export function dotPlacement(
  note: { x: number; y: number; w: number; h: number; rotation: number },
  zoom: number,
): DotPlacement {
  const onScreen = Math.min(note.w, note.h) * zoom;
  const size = Math.round(Math.max(DOT_MIN_PX, Math.min(DOT_MAX_PX, onScreen * 0.3)));
  const out = (size / 2 + 2) / zoom;
  const offset = rotate({ x: note.w + out, y: -out }, note.rotation);
  return { center: { x: note.x + offset.x, y: note.y + offset.y }, size };
}
