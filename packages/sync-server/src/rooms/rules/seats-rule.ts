import { type Rule, refuse } from './rule';

/**
 * Seats are the table's: only the table adds, edits or removes them, and a seat may not take
 * a tablet's id (it would then speak, draw and vote as that tablet).
 */
export const seatsRule: Rule = ({ touched, speaksForSeats, board }) => {
  const seats = touched('seats');
  if (seats.length === 0) return null;
  if (!speaksForSeats) return refuse('identity', 'tableArrangesSeats');
  for (const id of seats) {
    if (board.seats.has(id) && board.participants.has(id)) {
      return refuse('identity', 'seatNotTabletId');
    }
  }
  return null;
};
