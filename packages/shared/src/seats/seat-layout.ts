import type { Point } from '../geometry/camera';
import type { SeatRecord, TableEdge } from '../schema/records/seat';

export const MIN_SEATS = 2;
export const MAX_SEATS = 8;

/** Friendly names to pick from, and seat colours that stay distinct side by side. */
export const SEAT_NAMES = ['Fox', 'Owl', 'Otter', 'Panda', 'Koala', 'Tiger', 'Heron', 'Lynx'];
export const SEAT_COLORS = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
];

/**
 * Where seats go for each class size on a landscape table: the long edges first (two or
 * three a side), then one at each short end.
 */
const DEFAULT_PLACES: Record<number, [TableEdge, number][]> = {
  2: [
    ['bottom', 0.5],
    ['top', 0.5],
  ],
  3: [
    ['bottom', 0.3],
    ['bottom', 0.7],
    ['top', 0.5],
  ],
  4: [
    ['bottom', 0.3],
    ['bottom', 0.7],
    ['top', 0.7],
    ['top', 0.3],
  ],
  5: [
    ['bottom', 0.3],
    ['bottom', 0.7],
    ['right', 0.5],
    ['top', 0.7],
    ['top', 0.3],
  ],
  6: [
    ['bottom', 0.3],
    ['bottom', 0.7],
    ['right', 0.5],
    ['top', 0.7],
    ['top', 0.3],
    ['left', 0.5],
  ],
  7: [
    ['bottom', 0.2],
    ['bottom', 0.5],
    ['bottom', 0.8],
    ['right', 0.5],
    ['top', 0.7],
    ['top', 0.3],
    ['left', 0.5],
  ],
  8: [
    ['bottom', 0.2],
    ['bottom', 0.5],
    ['bottom', 0.8],
    ['right', 0.5],
    ['top', 0.8],
    ['top', 0.5],
    ['top', 0.2],
    ['left', 0.5],
  ],
};

/** A table's seats for `count` students (2–8), named and coloured, numbered in turn order. */
export function defaultSeats(count: number): SeatRecord[] {
  const places = DEFAULT_PLACES[Math.min(MAX_SEATS, Math.max(MIN_SEATS, Math.round(count)))]!;
  const ordered = seatsInTurnOrder(
    places.map(([edge, offset], i) => ({ id: String(i), edge, offset })),
  );
  return ordered.map(({ edge, offset }, i) => ({
    id: `seat-${i + 1}`,
    name: SEAT_NAMES[i]!,
    color: SEAT_COLORS[i]!,
    edge,
    offset,
  }));
}

/**
 * How far each edge turns what sits on it (degrees, clockwise) so it reads upright for the
 * student standing there: upright at the near edge, upside down at the far one.
 */
export const EDGE_ROTATION: Record<TableEdge, number> = {
  bottom: 0,
  right: -90,
  top: 180,
  left: 90,
};

/**
 * Where a seat is on the screen: `offset` runs along its edge from the left hand of the
 * student standing there (bottom: left to right; top: right to left; and so on).
 */
export function seatAnchor(seat: Pick<SeatRecord, 'edge' | 'offset'>, screen: Size): Point {
  const { width, height } = screen;
  switch (seat.edge) {
    case 'bottom':
      return { x: seat.offset * width, y: height };
    case 'top':
      return { x: (1 - seat.offset) * width, y: 0 };
    case 'right':
      return { x: width, y: (1 - seat.offset) * height };
    case 'left':
      return { x: 0, y: seat.offset * height };
  }
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The seat whose territory holds a screen point: the nearest seat. A stroke begun there
 * is that seat's (its tool, colour and undo). Null when the table has no seats.
 */
export function seatAt<S extends Pick<SeatRecord, 'edge' | 'offset'>>(
  seats: readonly S[],
  point: Point,
  screen: Size,
): S | null {
  let best: S | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const seat of seats) {
    const anchor = seatAnchor(seat, screen);
    const distance = Math.hypot(anchor.x - point.x, anchor.y - point.y);
    if (distance < bestDistance) {
      best = seat;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Seats in turn order, clockwise round the table seen from above: along the near edge from
 * right to left, up the left side, along the far edge, down the right side. Passing on
 * goes to the student on your right.
 */
export function seatsInTurnOrder<S extends Pick<SeatRecord, 'edge' | 'offset' | 'id'>>(
  seats: Iterable<S>,
): S[] {
  const edgeOrder: TableEdge[] = ['bottom', 'left', 'top', 'right'];
  return [...seats].sort(
    (a, b) =>
      edgeOrder.indexOf(a.edge) - edgeOrder.indexOf(b.edge) ||
      b.offset - a.offset ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
