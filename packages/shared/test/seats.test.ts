import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import { localOrigin } from '../src/doc/origins';
import { addSeat, removeSeat, setDefaultSeats, updateSeat } from '../src/seats/seat-commands';
import {
  defaultSeats,
  EDGE_ROTATION,
  MAX_SEATS,
  seatAnchor,
  seatAt,
  seatsInTurnOrder,
} from '../src/seats/seat-layout';
import { newBoard } from './fixtures';

const screen = { width: 3840, height: 2160 };

describe('seat layout', () => {
  it('gives 2–8 students distinct names and colours, long edges first', () => {
    for (let n = 2; n <= 8; n++) {
      const seats = defaultSeats(n);
      expect(seats).toHaveLength(n);
      expect(new Set(seats.map((s) => s.name)).size).toBe(n);
      expect(new Set(seats.map((s) => s.color)).size).toBe(n);
    }
    expect(
      defaultSeats(4)
        .map((s) => s.edge)
        .sort(),
    ).toEqual(['bottom', 'bottom', 'top', 'top']);
    expect(new Set(defaultSeats(6).map((s) => s.edge))).toEqual(
      new Set(['bottom', 'top', 'left', 'right']),
    );
    // Out-of-range counts are clamped rather than refused.
    expect(defaultSeats(1)).toHaveLength(2);
    expect(defaultSeats(20)).toHaveLength(MAX_SEATS);
  });

  it('numbers seats clockwise round the table, seen from above', () => {
    const anchors = defaultSeats(6).map((s) => seatAnchor(s, screen));
    // Clockwise on screen: the angle about the centre only ever grows (y points down).
    const angles = anchors.map((a) => Math.atan2(a.y - 1080, a.x - 1920));
    const unwrapped = angles.map((a) => (a < angles[0]! ? a + Math.PI * 2 : a));
    for (let i = 1; i < unwrapped.length; i++)
      expect(unwrapped[i]!).toBeGreaterThan(unwrapped[i - 1]!);
    expect(seatsInTurnOrder([...defaultSeats(6)].reverse()).map((s) => s.id)).toEqual(
      defaultSeats(6).map((s) => s.id),
    );
  });

  it('measures offsets from the left hand of whoever stands at the edge', () => {
    expect(seatAnchor({ edge: 'bottom', offset: 0.25 }, screen)).toEqual({ x: 960, y: 2160 });
    expect(seatAnchor({ edge: 'top', offset: 0.25 }, screen)).toEqual({ x: 2880, y: 0 });
    expect(seatAnchor({ edge: 'left', offset: 0.25 }, screen)).toEqual({ x: 0, y: 540 });
    expect(seatAnchor({ edge: 'right', offset: 0.25 }, screen)).toEqual({ x: 3840, y: 1620 });
    expect(EDGE_ROTATION).toEqual({ bottom: 0, right: -90, top: 180, left: 90 });
  });

  it('hands a touch to the nearest seat (its territory)', () => {
    const seats = defaultSeats(4);
    const nearLeft = seats.find((s) => s.edge === 'bottom' && s.offset < 0.5)!;
    const farRight = seats.find((s) => s.edge === 'top' && s.offset < 0.5)!;
    expect(seatAt(seats, { x: 800, y: 1900 }, screen)).toBe(nearLeft);
    expect(seatAt(seats, { x: 3000, y: 200 }, screen)).toBe(farRight);
    expect(seatAt([], { x: 0, y: 0 }, screen)).toBeNull();
  });
});

describe('seat commands', () => {
  it('lay out, add, rename, move and remove seats, refusing a ninth', () => {
    const board = newBoard();
    const origin = localOrigin('table');
    runCommand(board, setDefaultSeats, 4, origin);
    expect(board.seats.size).toBe(4);
    const added = runCommand(board, addSeat, { edge: 'left', offset: 0.5 }, origin)!;
    expect(board.seats.get(added)).toMatchObject({ name: 'Koala', edge: 'left' });
    runCommand(board, updateSeat, { id: added, changes: { name: 'Sam', edge: 'right' } }, origin);
    expect(board.seats.get(added)).toMatchObject({ name: 'Sam', edge: 'right' });
    runCommand(board, removeSeat, added, origin);
    expect(board.seats.has(added)).toBe(false);
    runCommand(board, setDefaultSeats, 8, origin);
    expect(runCommand(board, addSeat, { edge: 'left', offset: 0.1 }, origin)).toBeNull();
  });

  it('refuse a bad name with a clear error and change nothing', () => {
    const board = newBoard();
    runCommand(board, setDefaultSeats, 2, localOrigin('table'));
    const before = board.seats.get('seat-1');
    expect(() =>
      runCommand(
        board,
        updateSeat,
        { id: 'seat-1', changes: { name: '   ' } },
        localOrigin('table'),
      ),
    ).toThrow(/name/);
    expect(board.seats.get('seat-1')).toEqual(before);
  });
});
