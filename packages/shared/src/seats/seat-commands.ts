import { defineCommand, writeRecords } from '../commands/command';
import { createId } from '../doc/ids';
import type { SeatRecord } from '../schema/records/seat';
import { defaultSeats, MAX_SEATS, SEAT_COLORS, SEAT_NAMES } from './seat-layout';

/** Replaces the table's seats with the default layout for `count` students. */
export const setDefaultSeats = defineCommand((board, count: number) => {
  const seats = defaultSeats(count);
  for (const id of [...board.seats.keys()]) board.seats.delete(id);
  writeRecords(board, 'seats', seats);
  return seats.map((seat) => seat.id);
});

/** Adds a seat (up to eight), with the first free friendly name and colour. */
export const addSeat = defineCommand(
  (board, place: Pick<SeatRecord, 'edge' | 'offset'>): string | null => {
    const seats = [...board.seats.values()];
    if (seats.length >= MAX_SEATS) return null;
    const name = SEAT_NAMES.find((n) => !seats.some((s) => s.name === n)) ?? 'Seat';
    const color = SEAT_COLORS.find((c) => !seats.some((s) => s.color === c)) ?? SEAT_COLORS[0]!;
    const seat: SeatRecord = { id: `seat-${createId(6)}`, name, color, ...place };
    writeRecords(board, 'seats', [seat]);
    return seat.id;
  },
);

/** Renames, recolours or moves a seat; a seat someone removed meanwhile is left removed. */
export const updateSeat = defineCommand(
  (board, { id, changes }: { id: string; changes: Partial<Omit<SeatRecord, 'id'>> }) => {
    const seat = board.seats.get(id);
    if (!seat) return;
    writeRecords(board, 'seats', [{ ...seat, ...changes, id }]);
  },
);

export const removeSeat = defineCommand((board, id: string) => {
  board.seats.delete(id);
});
