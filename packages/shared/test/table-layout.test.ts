import { describe, expect, it } from 'vitest';
import type { Rect } from '../src/geometry/camera';
import type { TableEdge } from '../src/schema/records/seat';
import { BAR, MIN_TOUCH_TARGET, MORE_ID } from '../src/seats/bar-fit';
import { dockItems, SEAT_CONTROL_IDS, seatBarItems } from '../src/seats/seat-bar-items';
import { defaultSeats, MAX_SEATS, MIN_SEATS, SEAT_NAMES } from '../src/seats/seat-layout';
import { layoutTable, type TableLayout, type TableLayoutInput } from '../src/seats/table-layout';
import { rectsApart } from '../src/testing/rects';

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const EDGES: TableEdge[] = ['bottom', 'right', 'top', 'left'];
const DOCKS = [
  { id: 'table', items: dockItems(['seats', 'join', 'pencil', 'librarian', 'exhibit']) },
  { id: 'view', items: dockItems(['zoom-out', 'zoom', 'zoom-in', 'fit'], { zoom: 72 }) },
];
/** A long name, so name tags are at their widest. */
const LONG = 'Maximiliana';

type Place = { edge: TableEdge; offset: number };

/** A small seeded random generator (mulberry32), so every run tries the same tables. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ways to put `n` seats round the table: the ready layout, one edge, every edge, at random. */
function edgeMixes(n: number): [string, Place[]][] {
  const spread = (edges: TableEdge[]) =>
    Array.from({ length: n }, (_, i) => {
      const edge = edges[i % edges.length]!;
      const onEdge = Math.floor(i / edges.length);
      const count = Math.ceil((n - (i % edges.length)) / edges.length);
      return { edge, offset: (onEdge + 0.5) / count };
    });
  const rand = random(n * 7919);
  const randomMix = Array.from({ length: n }, () => ({
    edge: EDGES[Math.floor(rand() * 4)]!,
    offset: 0.1 + rand() * 0.8,
  }));
  return [
    ['ready layout', defaultSeats(n).map(({ edge, offset }) => ({ edge, offset }))],
    ['all near side', spread(['bottom'])],
    ['all on the left end', spread(['left'])],
    ['the two ends', spread(['left', 'right'])],
    ['every edge', spread(EDGES)],
    ['at random', randomMix],
    // Everyone crowded at one spot of the far side.
    ['bunched', Array.from({ length: n }, () => ({ edge: 'top' as const, offset: 0.9 }))],
  ];
}

function input(
  screen: { width: number; height: number },
  places: Place[],
  mode: 'open' | 'pencil',
): TableLayoutInput {
  return {
    screen,
    seats: places.map((place, i) => ({
      id: `seat-${i + 1}`,
      ...place,
      items: seatBarItems(i % 2 ? LONG : SEAT_NAMES[i]!, { raiseHand: mode === 'pencil' && i > 0 }),
    })),
    docks: DOCKS,
    holder: mode === 'pencil' ? { seatId: 'seat-1', length: 760, depth: 84 } : null,
  };
}

const inside = (r: Rect, screen: { width: number; height: number }) =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= screen.width && r.y + r.h <= screen.height;
/** Apart, forgiving floating-point rounding. */
const apart = (a: Rect, b: Rect) => rectsApart(a, b, 0.001);

/** Everything the layout put on the screen, by name. */
function boxes(layout: TableLayout): [string, Rect][] {
  return [
    ...layout.seats.map((s) => [`seat ${s.id}`, s.box] as [string, Rect]),
    ...layout.docks.map((d) => [`dock ${d.id}`, d.box] as [string, Rect]),
    ...(layout.holder ? [['pencil badge', layout.holder.box] as [string, Rect]] : []),
  ];
}

function check(layout: TableLayout, spec: TableLayoutInput) {
  const { screen } = spec;
  const all = boxes(layout);
  for (const [name, box] of all) expect(inside(box, screen), `${name} on screen`).toBe(true);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      expect(apart(all[i]![1], all[j]![1]), `${all[i]![0]} clear of ${all[j]![0]}`).toBe(true);
    }
  }
  // The board left clear is clear of all of them, and still a real board.
  for (const [name, box] of all)
    expect(apart(layout.inner, box), `board clear of ${name}`).toBe(true);
  expect(layout.inner.w).toBeGreaterThan(screen.width / 2);
  expect(layout.inner.h).toBeGreaterThan(screen.height / 3);
  expect(layout.seats).toHaveLength(spec.seats.length);
  expect(layout.docks.map((d) => d.id)).toEqual(['table', 'view']);
  for (const seat of spec.seats) {
    const bar = layout.seats.find((s) => s.id === seat.id)!;
    // Every control is shown or behind "more", once; "more" only when something is hidden.
    const shown = bar.rows.flat();
    expect([...shown.filter((id) => id !== MORE_ID), ...bar.hidden].sort()).toEqual(
      seat.items.map((i) => i.id).sort(),
    );
    expect(shown.includes(MORE_ID)).toBe(bar.hidden.length > 0);
    expect(shown).toContain('name');
    if (seat.items.some((i) => i.id === 'raise-hand')) expect(shown).toContain('raise-hand');
    // The rows fit in the bar, and the bar is as thick as its rows.
    const size = (id: string) => bar.sizes[id]!;
    for (const id of shown) expect(size(id)).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET);
    for (const row of bar.rows) {
      const length = row.reduce((sum, id) => sum + size(id), 0) + (row.length - 1) * BAR.gap;
      expect(length).toBeLessThanOrEqual(bar.length - 2 * (BAR.padding + BAR.border));
    }
    expect(bar.thickness).toBe(
      bar.rows.length * BAR.button +
        (bar.rows.length - 1) * BAR.gap +
        2 * (BAR.padding + BAR.border),
    );
    // Turned to face its own edge, and its reach includes itself.
    expect(bar.edge).toBe(seat.edge);
    expect(bar.reach.from).toBeLessThanOrEqual(-bar.length / 2 + 0.001);
    expect(bar.reach.to).toBeGreaterThanOrEqual(bar.length / 2 - 0.001);
  }
}

describe('the table layout engine', () => {
  it('every control is a finger-sized target', () => {
    expect(BAR.button).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET);
    for (const item of seatBarItems('Al', { raiseHand: true })) {
      expect(item.size).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET);
    }
    for (const dock of DOCKS) {
      for (const item of dock.items) expect(item.size).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET);
    }
  });

  for (const screen of SCREENS) {
    for (let n = MIN_SEATS; n <= MAX_SEATS; n++) {
      for (const mode of ['open', 'pencil'] as const) {
        it(`${screen.width}×${screen.height}, ${n} seats, ${mode}: nothing overlaps or leaves the screen`, () => {
          for (const [mix, places] of edgeMixes(n)) {
            const spec = input(screen, places, mode);
            try {
              check(layoutTable(spec), spec);
            } catch (error) {
              throw new Error(`${mix}: ${(error as Error).message}`);
            }
          }
        });
      }
    }
  }

  it('a 4K table gives every seat of the ready layouts its whole toolbar', () => {
    for (let n = MIN_SEATS; n <= MAX_SEATS; n++) {
      const layout = layoutTable(input(SCREENS[1]!, defaultSeats(n), 'pencil'));
      for (const bar of layout.seats) expect(bar.hidden, `${n} seats, ${bar.id}`).toEqual([]);
    }
  });

  it('at 1920×1080 a crowded edge wraps or compacts, keeping the tools used most in sight', () => {
    const layout = layoutTable(input(SCREENS[0]!, defaultSeats(8), 'pencil'));
    for (const bar of layout.seats) {
      const shown = bar.rows.flat();
      for (const id of ['pen', 'eraser', 'colours', 'seat-colour']) {
        expect(shown, `${bar.id} shows ${id}`).toContain(id);
      }
    }
    // Nothing hidden can be lost: it is behind "more".
    const hidden = layout.seats.flatMap((s) => s.hidden);
    for (const id of hidden) expect(SEAT_CONTROL_IDS).toContain(id);
  });

  it('keeps toolbars near their seats, in the seats’ order along each edge', () => {
    const places = defaultSeats(6).map(({ edge, offset }) => ({ edge, offset }));
    const layout = layoutTable(input(SCREENS[1]!, places, 'open'));
    const bottom = layout.seats
      .filter((s) => s.edge === 'bottom')
      .sort((a, b) => a.box.x - b.box.x);
    expect(bottom.map((s) => Math.round(s.centre.x / 100))).toEqual([12, 27]);
  });

  it('the pencil badge sits inside its holder’s toolbar, and the board clear of it', () => {
    const spec = input(SCREENS[0]!, defaultSeats(4), 'pencil');
    const layout = layoutTable(spec);
    const holder = layout.holder!;
    const bar = layout.seats.find((s) => s.id === 'seat-1')!;
    expect(holder.edge).toBe(bar.edge);
    expect(holder.box.y + holder.box.h).toBeLessThanOrEqual(bar.box.y);
    expect(layout.inner.y + layout.inner.h).toBeLessThanOrEqual(holder.box.y);
  });

  it('is cheap enough to run on every change of seats: docks placed one at a time', () => {
    // Speed is a benchmark's business; here the work is counted. Each choice of rows (1–3
    // per seated edge) tries each dock in turn at each free place (at most 12: the ends of
    // four edges, the middles of four), never every combination of places; a second search
    // (names cut short) at most doubles it. Today's worst case, 8 seats on four edges: 1050.
    for (let n = MIN_SEATS; n <= MAX_SEATS; n++) {
      for (const [mix, places] of edgeMixes(n)) {
        const seatedEdges = new Set(places.map((p) => p.edge)).size;
        const { trials } = layoutTable(input(SCREENS[0]!, places, 'pencil'));
        expect(trials, `${n} seats, ${mix}`).toBeLessThanOrEqual(
          2 * 3 ** seatedEdges * DOCKS.length * 12,
        );
      }
    }
  });
});
