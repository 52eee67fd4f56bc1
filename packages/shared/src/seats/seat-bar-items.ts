import { BAR, type BarItem, PINNED } from './bar-fit';

/**
 * What a seat's toolbar holds, in order, and what goes behind "more" first when its edge is
 * crowded (lowest priority first). Ids name the board's tools and actions; the board app
 * draws a button for each.
 */
const SEAT_CONTROLS: readonly [id: string, priority: number][] = [
  ['pen', 100],
  ['highlighter', 60],
  ['eraser', 95],
  ['rect', 70],
  ['ellipse', 55],
  ['line', 50],
  ['arrow', 52],
  ['note', 90],
  ['text', 80],
  ['select', 85],
  ['picture', 40],
  ['move', 65],
  ['seat-colour', 92],
  ['colours', 93],
  ['width', 35],
  ['undo', 88],
  ['redo', 45],
];

/** The ids of a seat's controls in toolbar order (without its name and raised hand). */
export const SEAT_CONTROL_IDS: readonly string[] = SEAT_CONTROLS.map(([id]) => id);

/** How long a seat's name tag is: about a character's width per letter, within limits (CSS px). */
export function nameTagSize(name: string): number {
  return Math.min(150, Math.max(64, Math.round(28 + [...name].length * 11)));
}

/**
 * A seat's toolbar: its name (always shown), a raise-hand button while the talking pencil
 * is someone else's (always shown), then its tools.
 */
export function seatBarItems(name: string, { raiseHand = false } = {}): BarItem[] {
  return [
    { id: 'name', size: nameTagSize(name), priority: PINNED },
    ...(raiseHand ? [{ id: 'raise-hand', size: BAR.button, priority: PINNED }] : []),
    ...SEAT_CONTROLS.map(([id, priority]) => ({ id, size: BAR.button, priority })),
  ];
}

/** A dock of board-wide buttons (never compacted: each is one tap away). */
export function dockItems(ids: readonly string[], sizes: Record<string, number> = {}): BarItem[] {
  return ids.map((id) => ({ id, size: sizes[id] ?? BAR.button, priority: PINNED }));
}
