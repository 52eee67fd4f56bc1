/**
 * Fitting one toolbar's controls into the length its edge can give it: all of them in one
 * row when there is room, wrapped into more rows, or compact (the least needed behind a
 * "more" button). Pure arithmetic on sizes in CSS pixels; the UI draws what comes out.
 */

/** Sizes every toolbar shares (CSS px). A control is at least a 48 px square: a finger's target. */
export const BAR = {
  /** A control's height, and a square control's width. */
  button: 48,
  /** Between two controls, and between two rows. */
  gap: 4,
  /** Inside the toolbar's frame, round its controls. */
  padding: 6,
  /** The toolbar's coloured frame. */
  border: 3,
} as const;

/** The least a touch target may be (CSS px), whatever the screen. */
export const MIN_TOUCH_TARGET = 44;

/** The button that opens what a compact toolbar had no room for. */
export const MORE_ID = 'more';

/** A control is never hidden behind "more" (a seat's name, its raised hand). */
export const PINNED = Number.POSITIVE_INFINITY;

export interface BarItem {
  id: string;
  /** Its length along the toolbar (CSS px); its height is `BAR.button`. */
  size: number;
  /** Higher stays longer when room is short; `PINNED` always shows. */
  priority: number;
}

export interface FittedBar {
  /** The controls shown, row by row (the first row holds the first controls), in order. */
  rows: string[][];
  /** What only "more" shows, in toolbar order (empty when everything fits). */
  hidden: string[];
  /** Each shown control's length along the toolbar (CSS px). */
  sizes: Record<string, number>;
  /** The toolbar's outer length and thickness (CSS px), frame included. */
  length: number;
  thickness: number;
}

const FRAME = 2 * (BAR.padding + BAR.border);

/** How thick a toolbar of `rows` rows is, frame included. */
export function barThickness(rows: number): number {
  return rows * BAR.button + (rows - 1) * BAR.gap + FRAME;
}

const MORE: BarItem = { id: MORE_ID, size: BAR.button, priority: PINNED };

/**
 * Packs items in order into rows no longer than `width`, each row filled before the next.
 * Returns the rows, or null when they need more than `maxRows`.
 */
function pack(items: readonly BarItem[], width: number, maxRows: number): BarItem[][] | null {
  const rows: BarItem[][] = [[]];
  let used = 0;
  for (const item of items) {
    if (item.size > width) return null;
    const row = rows.at(-1)!;
    const needed = row.length === 0 ? item.size : used + BAR.gap + item.size;
    if (needed <= width) {
      row.push(item);
      used = needed;
    } else {
      if (rows.length >= maxRows) return null;
      rows.push([item]);
      used = item.size;
    }
  }
  return rows;
}

const rowLength = (row: readonly BarItem[]) =>
  row.reduce((sum, item) => sum + item.size, 0) + Math.max(0, row.length - 1) * BAR.gap;

/** The least row width (≤ `width`) that still packs `items` into `rows` rows, or null. */
function shortestWidth(items: readonly BarItem[], width: number, rows: number): number | null {
  if (!pack(items, width, rows)) return null;
  let low = Math.max(...items.map((i) => i.size)) - 1;
  let high = width;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (pack(items, mid, rows)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * `items` packed into as few rows as fit within `width` (at most `maxRows`), the rows as
 * even as the items allow, so a wrapped toolbar is as short as it can be.
 */
function packEvenly(items: readonly BarItem[], width: number, maxRows: number) {
  const rows = pack(items, width, maxRows);
  if (!rows) return null;
  if (rows.length === 1) return rows;
  return pack(items, shortestWidth(items, width, rows.length)!, rows.length);
}

function fitted(rows: BarItem[][], hidden: readonly BarItem[]): FittedBar {
  return {
    rows: rows.map((row) => row.map((item) => item.id)),
    hidden: hidden.map((item) => item.id),
    sizes: Object.fromEntries(rows.flat().map((item) => [item.id, item.size])),
    length: Math.max(...rows.map(rowLength)) + FRAME,
    thickness: barThickness(rows.length),
  };
}

/**
 * Fits a toolbar into `maxLength` (CSS px, frame included) and at most `maxRows` rows:
 * everything if it can, else the controls of highest priority and a "more" button for the
 * rest (pinned controls always show). Null when not even the pinned controls fit.
 */
export function fitBar(
  items: readonly BarItem[],
  maxLength: number,
  maxRows: number,
): FittedBar | null {
  const width = maxLength - FRAME;
  const all = packEvenly(items, width, maxRows);
  if (all) return fitted(all, []);
  const order = new Map(items.map((item, i) => [item, i]));
  const inOrder = (list: BarItem[]) => list.sort((a, b) => order.get(a)! - order.get(b)!);
  const shown = items.filter((item) => item.priority === PINNED);
  if (!pack([...shown, MORE], width, maxRows)) return null;
  const candidates = items
    .filter((item) => item.priority !== PINNED)
    .sort((a, b) => b.priority - a.priority || order.get(a)! - order.get(b)!);
  for (const candidate of candidates) {
    const trial = inOrder([...shown, candidate]);
    if (pack([...trial, MORE], width, maxRows)) shown.splice(0, shown.length, ...trial);
  }
  const rows = packEvenly([...shown, MORE], width, maxRows)!;
  return fitted(
    rows,
    items.filter((item) => !shown.includes(item)),
  );
}

/**
 * The shortest a toolbar can be in at most `rows` rows: its pinned controls and "more" (or
 * everything, if that is shorter). Null when even those need more rows.
 */
export function leastLength(items: readonly BarItem[], rows: number): number | null {
  const pinned = [...items.filter((item) => item.priority === PINNED), MORE];
  const total = (list: readonly BarItem[]) =>
    list.reduce((sum, item) => sum + item.size + BAR.gap, 0);
  const compact = shortestWidth(pinned, total(pinned), rows);
  const everything = shortestWidth(items, total(items), rows);
  const least = Math.min(
    compact ?? Number.POSITIVE_INFINITY,
    everything ?? Number.POSITIVE_INFINITY,
  );
  return Number.isFinite(least) ? least + FRAME : null;
}

/** The length a toolbar would like: everything in at most `rows` rows, as short as it can be. */
export function naturalLength(items: readonly BarItem[], rows: number): number {
  const total = items.reduce((sum, item) => sum + item.size + BAR.gap, 0);
  return shortestWidth(items, total, rows)! + FRAME;
}
