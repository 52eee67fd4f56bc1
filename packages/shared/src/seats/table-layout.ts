import type { Point, Rect } from '../geometry/camera';
import { TABLE_EDGES, type TableEdge } from '../schema/records/seat';
import {
  type BarItem,
  barThickness,
  type FittedBar,
  fitBar,
  leastLength,
  naturalLength,
} from './bar-fit';
import { alongOf, alongSign, edgeLength, edgeRect, isLongEdge } from './edge-frame';
import { EDGE_ROTATION, type Size, seatAnchor } from './seat-layout';

/**
 * The table's layout engine: where every seat's toolbar, the board-wide docks and the
 * talking pencil's badge go on a screen, so that nothing overlaps and nothing leaves the
 * screen. Toolbars hug their edge, turned to face it, near their seat; when an edge is
 * crowded they wrap into more rows or go compact (a "more" button) before ever overlapping.
 * The UI draws exactly what this returns.
 */

/** Space between a toolbar and the screen's edge, and between neighbouring toolbars (CSS px). */
export const SCREEN_MARGIN = 8;
export const BAR_SPACING = 8;
/** The most rows a toolbar wraps into. */
const MAX_ROWS = 3;

export interface SeatBarSpec {
  id: string;
  edge: TableEdge;
  offset: number;
  /** The toolbar's controls in order (see `seatBarItems`). */
  items: readonly BarItem[];
}

/** A board-wide group of controls (the table's actions, the view), placed on some edge. */
export interface DockSpec {
  id: string;
  items: readonly BarItem[];
}

/** The talking pencil's badge, just inside its holder's toolbar. */
export interface HolderSpec {
  seatId: string;
  /** How long it would like to be along the edge, and how deep it is (CSS px). */
  length: number;
  depth: number;
}

export interface TableLayoutInput {
  screen: Size;
  seats: readonly SeatBarSpec[];
  docks?: readonly DockSpec[];
  holder?: HolderSpec | null;
}

export interface PlacedBar extends FittedBar {
  id: string;
  edge: TableEdge;
  /** Degrees clockwise that turn it to face its edge. */
  rotation: number;
  /** Its middle on the screen, and its box there (turned). */
  centre: Point;
  box: Rect;
  /**
   * The stretch of the edge it may use for what it opens (its "more" and colour panels), in
   * its own frame: from its middle, leftwards (negative) and rightwards.
   */
  reach: { from: number; to: number };
}

/** Something placed just inside a toolbar (the pencil's badge), in that toolbar's frame too. */
export interface PlacedPanel {
  seatId: string;
  edge: TableEdge;
  rotation: number;
  box: Rect;
  length: number;
  depth: number;
  /** Its middle along the toolbar, from the toolbar's middle, in the toolbar's frame. */
  offset: number;
  /** The gap between the toolbar's middle line and the panel's near side. */
  lift: number;
}

export interface TableLayout {
  seats: PlacedBar[];
  docks: PlacedBar[];
  holder: PlacedPanel | null;
  /** Candidate layouts the search scored: bounded, as the table lays out on every seat change. */
  trials: number;
  /** The board clear of every toolbar, dock and badge: board-wide panels and notices go here. */
  inner: Rect;
}

type DockPlace = { edge: TableEdge; where: 'start' | 'end' | 'middle' };

interface Trial {
  rows: Record<TableEdge, number>;
  docks: DockPlace[];
}

interface Outcome {
  cost: number;
  seats: PlacedBar[];
  docks: PlacedBar[];
  depth: Record<TableEdge, number>;
  spans: Record<TableEdge, { from: number; to: number }>;
}

/**
 * What a hidden control costs, against a deeper band: a band's cost is the share of the
 * screen it covers (per mille). A second row along a long edge of a 16:9 screen costs about
 * 48: worth it to show 16 more controls; a third row is, to show as many again.
 */
const HIDDEN_COST = 2;
/** A name tag cut short, when the table has no room for whole names. */
const SHORT_NAME = 64;
const MIDDLE_DOCK_COST = 0.5;

/**
 * Lays out the table. Tries each number of rows per edge and each place for the docks,
 * and keeps the layout that hides the fewest controls, then keeps the board largest, then
 * keeps toolbars nearest their seats.
 */
export function layoutTable(input: TableLayoutInput): TableLayout {
  const count = { trials: 0 };
  const best = search(input, count) ?? search(withShortNames(input), count);
  if (!best) throw new Error('The table is too small for its seats');
  return { ...finish(input, best), trials: count.trials };
}

/** The seats with their name tags as short as they go (the UI cuts a long name short). */
function withShortNames(input: TableLayoutInput): TableLayoutInput {
  return {
    ...input,
    seats: input.seats.map((seat) => ({
      ...seat,
      items: seat.items.map((item) =>
        item.id === 'name' ? { ...item, size: Math.min(item.size, SHORT_NAME) } : item,
      ),
    })),
  };
}

function search(input: TableLayoutInput, count: { trials: number }): Outcome | null {
  const { screen } = input;
  const docks = input.docks ?? [];
  const seated = TABLE_EDGES.filter((edge) => input.seats.some((s) => s.edge === edge));
  const memo = new Memo(input);
  let best: Outcome | null = null;
  for (const rows of rowChoices(seated)) {
    const floor = rowCost(rows, seated, screen);
    if (best && floor >= best.cost) continue;
    // Docks one after another, each where it costs least given those already placed.
    const placed: DockPlace[] = [];
    if (docks.length === 0) count.trials++;
    let outcome = docks.length === 0 ? evaluate(input, [], { rows, docks: [] }, memo) : null;
    for (let d = 0; d < docks.length; d++) {
      let bestHere: { place: DockPlace; outcome: Outcome } | null = null;
      for (const place of dockPlaces(seated, placed)) {
        const trial = { rows, docks: [...placed, place] };
        count.trials++;
        const tried = evaluate(input, docks, trial, memo);
        if (tried && (!bestHere || tried.cost < bestHere.outcome.cost)) {
          bestHere = { place, outcome: tried };
        }
      }
      outcome = bestHere?.outcome ?? null;
      if (!bestHere) break;
      placed.push(bestHere.place);
    }
    if (outcome && (!best || outcome.cost < best.cost)) best = outcome;
  }
  return best;
}

/** Every choice of rows (1..MAX_ROWS) for the edges that have seats, fewest rows first. */
function rowChoices(seated: readonly TableEdge[]): Record<TableEdge, number>[] {
  let choices: Record<TableEdge, number>[] = [{ bottom: 1, right: 1, top: 1, left: 1 }];
  for (const edge of seated) {
    choices = choices.flatMap((choice) =>
      Array.from({ length: MAX_ROWS }, (_, i) => ({ ...choice, [edge]: i + 1 })),
    );
  }
  const total = (c: Record<TableEdge, number>) => c.bottom + c.right + c.top + c.left;
  return choices.sort((a, b) => total(a) - total(b));
}

/** What deeper bands cost: the share of the screen they cover beyond one row (per mille). */
function rowCost(rows: Record<TableEdge, number>, seated: readonly TableEdge[], screen: Size) {
  const area = screen.width * screen.height;
  return seated.reduce(
    (sum, edge) =>
      sum + ((barThickness(rows[edge]) - barThickness(1)) * edgeLength(edge, screen) * 1000) / area,
    0,
  );
}

/** Where a dock may go: either end of any edge, or the middle of an edge without seats. */
function dockPlaces(seated: readonly TableEdge[], taken: readonly DockPlace[]): DockPlace[] {
  const places: DockPlace[] = [];
  for (const edge of TABLE_EDGES) {
    const wheres = seated.includes(edge)
      ? (['start', 'end'] as const)
      : (['start', 'end', 'middle'] as const);
    for (const where of wheres) {
      const clash = taken.some(
        (t) => t.edge === edge && (t.where === where || t.where === 'middle' || where === 'middle'),
      );
      if (!clash) places.push({ edge, where });
    }
  }
  return places;
}

/** Fits and natural lengths per toolbar, remembered across trials. */
class Memo {
  private readonly fits = new Map<string, FittedBar | null>();
  private readonly lengths = new Map<string, number>();
  constructor(private readonly input: TableLayoutInput) {}

  fit(key: string, items: readonly BarItem[], length: number, rows: number) {
    const id = `${key}:${rows}:${Math.floor(length)}`;
    if (!this.fits.has(id)) this.fits.set(id, fitBar(items, Math.floor(length), rows));
    return this.fits.get(id)!;
  }

  natural(key: string, items: readonly BarItem[], rows: number, least = false) {
    const id = `${key}:${rows}:${least}`;
    if (!this.lengths.has(id)) {
      const length = least ? leastLength(items, rows) : naturalLength(items, rows);
      this.lengths.set(id, length ?? Number.POSITIVE_INFINITY);
    }
    return this.lengths.get(id)!;
  }

  get screen() {
    return this.input.screen;
  }
}

function evaluate(
  input: TableLayoutInput,
  docks: readonly DockSpec[],
  trial: Trial,
  memo: Memo,
): Outcome | null {
  const { screen } = input;
  // Each edge's band: as deep as its seats' rows, or one row for a dock alone.
  const depth = { bottom: 0, right: 0, top: 0, left: 0 } as Record<TableEdge, number>;
  for (const seat of input.seats) depth[seat.edge] = barThickness(trial.rows[seat.edge]);
  for (const place of trial.docks) depth[place.edge] = Math.max(depth[place.edge], barThickness(1));
  const used = (edge: TableEdge) =>
    depth[edge] > 0 ? SCREEN_MARGIN + depth[edge] + BAR_SPACING : SCREEN_MARGIN;
  // The long edges run between the ends' bands; the ends between the long edges' bands.
  const spans = {} as Record<TableEdge, { from: number; to: number }>;
  for (const edge of TABLE_EDGES) {
    spans[edge] = isLongEdge(edge)
      ? { from: used('left'), to: screen.width - used('right') }
      : { from: used('top'), to: screen.height - used('bottom') };
  }
  let cost = rowCost(
    trial.rows,
    TABLE_EDGES.filter((e) => depth[e] > 0 && input.seats.some((s) => s.edge === e)),
    screen,
  );
  const placedDocks: PlacedBar[] = [];
  const free = { ...spans };
  for (const [i, place] of trial.docks.entries()) {
    const dock = docks[i]!;
    const span = free[place.edge];
    const fitted = memo.fit(`dock:${dock.id}`, dock.items, span.to - span.from, 1);
    if (!fitted || fitted.hidden.length > 0) return null;
    const length = fitted.length;
    let from: number;
    if (place.where === 'start') {
      from = span.from;
      free[place.edge] = { from: from + length + BAR_SPACING, to: span.to };
    } else if (place.where === 'end') {
      from = span.to - length;
      free[place.edge] = { from: span.from, to: from - BAR_SPACING };
    } else {
      from = (span.from + span.to - length) / 2;
      cost += MIDDLE_DOCK_COST;
    }
    placedDocks.push(
      placeBar(dock.id, place.edge, screen, fitted, from, { from, to: from + length }),
    );
  }
  const placedSeats: PlacedBar[] = [];
  for (const edge of TABLE_EDGES) {
    const seats = input.seats
      .filter((s) => s.edge === edge)
      .map((s) => ({ spec: s, at: alongOf(edge, seatAnchor(s, screen)) }))
      .sort((a, b) => a.at - b.at || (a.spec.id < b.spec.id ? -1 : 1));
    if (seats.length === 0) continue;
    const laid = layoutEdge(edge, seats, free[edge], trial.rows[edge], memo);
    if (!laid) return null;
    for (const bar of laid) {
      cost += bar.hiddenCost + Math.abs(bar.centreAlong - bar.at) / 100;
      placedSeats.push(bar.placed);
    }
  }
  return { cost, seats: placedSeats, docks: placedDocks, depth, spans };
}

/**
 * One edge's toolbars, side by side in `span`: each gets an equal share of the room (no more
 * than it wants, no less than its pinned controls need), then sits as near its seat as the
 * others allow.
 */
function layoutEdge(
  edge: TableEdge,
  seats: { spec: SeatBarSpec; at: number }[],
  span: { from: number; to: number },
  rows: number,
  memo: Memo,
) {
  const room = span.to - span.from - BAR_SPACING * (seats.length - 1);
  const wants = seats.map((s) => memo.natural(s.spec.id, s.spec.items, rows));
  const least = seats.map((s) => memo.natural(s.spec.id, s.spec.items, rows, true));
  if (least.reduce((a, b) => a + b, 0) > room) return null;
  const share = waterLevel(least, wants, room);
  const fits = seats.map((s, i) =>
    memo.fit(s.spec.id, s.spec.items, Math.max(least[i]!, Math.min(wants[i]!, share)), rows),
  );
  if (fits.some((f) => f === null)) return null;
  const lengths = fits.map((f) => f!.length);
  // Nearest their seats, in order, inside the span.
  const starts = seats.map((s, i) => s.at - lengths[i]! / 2);
  for (let i = 0; i < starts.length; i++) {
    const floor = i === 0 ? span.from : starts[i - 1]! + lengths[i - 1]! + BAR_SPACING;
    starts[i] = Math.max(starts[i]!, floor);
  }
  for (let i = starts.length - 1; i >= 0; i--) {
    const ceiling = i === starts.length - 1 ? span.to : starts[i + 1]! - BAR_SPACING;
    starts[i] = Math.min(starts[i]!, ceiling - lengths[i]!);
  }
  return seats.map((s, i) => {
    const from = starts[i]!;
    const to = from + lengths[i]!;
    const reach = {
      from: i === 0 ? span.from : (starts[i - 1]! + lengths[i - 1]! + from) / 2,
      to: i === seats.length - 1 ? span.to : (to + starts[i + 1]!) / 2,
    };
    const fitted = fits[i]!;
    const hiddenCost = hidingCost(s.spec.items, fitted.hidden);
    return {
      at: s.at,
      centreAlong: (from + to) / 2,
      hiddenCost,
      placed: placeBar(s.spec.id, edge, memo.screen, fitted, from, reach),
    };
  });
}

/**
 * What hiding these controls of one toolbar costs: more for the tools used most, and more
 * for each further one hidden at the same seat, so that every seat keeps its main tools
 * before any seat keeps them all.
 */
function hidingCost(items: readonly BarItem[], hidden: readonly string[]): number {
  const weight = hidden.reduce((sum, id) => {
    const priority = items.find((item) => item.id === id)?.priority ?? 0;
    return sum + 1 + priority / 50;
  }, 0);
  return HIDDEN_COST * weight * (1 + hidden.length / 4);
}

/**
 * The share s that splits `room` so that each gets s, but no less than its least and no
 * more than it wants (more than everyone wants is fine: then everyone gets what it wants).
 */
function waterLevel(least: readonly number[], wants: readonly number[], room: number): number {
  const total = (s: number) =>
    least.reduce((sum, l, i) => sum + Math.max(l, Math.min(wants[i]!, s)), 0);
  let low = 0;
  let high = Math.max(...wants);
  if (total(high) <= room) return high;
  for (let step = 0; step < 40; step++) {
    const mid = (low + high) / 2;
    if (total(mid) <= room) low = mid;
    else high = mid;
  }
  return low;
}

/** A fitted toolbar hugging `edge` from `from` along it. */
function placeBar(
  id: string,
  edge: TableEdge,
  screen: Size,
  fitted: FittedBar,
  from: number,
  reach: { from: number; to: number },
): PlacedBar {
  const box = edgeRect(
    edge,
    screen,
    { from, to: from + fitted.length },
    { near: SCREEN_MARGIN, far: SCREEN_MARGIN + fitted.thickness },
  );
  const middle = from + fitted.length / 2;
  const sign = alongSign(edge);
  const local = [(reach.from - middle) * sign, (reach.to - middle) * sign];
  return {
    ...fitted,
    id,
    edge,
    rotation: EDGE_ROTATION[edge],
    centre: { x: box.x + box.w / 2, y: box.y + box.h / 2 },
    box,
    reach: { from: Math.min(...local), to: Math.max(...local) },
  };
}

/** The chosen layout, with the pencil's badge and the board left clear. */
function finish(input: TableLayoutInput, outcome: Outcome): Omit<TableLayout, 'trials'> {
  const { screen } = input;
  const inset = {} as Record<TableEdge, number>;
  for (const edge of TABLE_EDGES) {
    inset[edge] = outcome.depth[edge] > 0 ? SCREEN_MARGIN + outcome.depth[edge] + BAR_SPACING : 0;
  }
  let holder: PlacedPanel | null = null;
  const spec = input.holder;
  const bar = spec ? outcome.seats.find((s) => s.id === spec.seatId) : undefined;
  if (spec && bar) {
    const edge = bar.edge;
    const span = outcome.spans[edge];
    const length = Math.min(spec.length, span.to - span.from);
    const middle = alongOf(edge, bar.centre);
    const from = Math.min(Math.max(middle - length / 2, span.from), span.to - length);
    const near = inset[edge] || SCREEN_MARGIN;
    const box = edgeRect(
      edge,
      screen,
      { from, to: from + length },
      { near, far: near + spec.depth },
    );
    holder = {
      seatId: spec.seatId,
      edge,
      rotation: EDGE_ROTATION[edge],
      box,
      length,
      depth: spec.depth,
      offset: (from + length / 2 - middle) * alongSign(edge),
      lift: near - SCREEN_MARGIN - bar.thickness / 2,
    };
    inset[edge] = near + spec.depth + BAR_SPACING;
  }
  return {
    seats: outcome.seats,
    docks: outcome.docks,
    holder,
    inner: {
      x: inset.left,
      y: inset.top,
      w: screen.width - inset.left - inset.right,
      h: screen.height - inset.top - inset.bottom,
    },
  };
}
