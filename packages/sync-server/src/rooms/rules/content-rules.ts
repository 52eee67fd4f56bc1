import { type VoteRecord, voteRefusal } from '@roundtable/shared';
import { type Rule, refuse } from './rule';

/** A locked board is read-only for every device: content, seats, dots and the title. */
export const lockRule: Rule = ({ locked, touched }) => {
  if (!locked) return null;
  const writes =
    touched('elements').length > 0 ||
    touched('seats').length > 0 ||
    touched('votes').length > 0 ||
    touched('meta').length > 0;
  return writes ? refuse('lock', 'boardLocked') : null;
};

/** In pencil mode only the holder's device changes the board's content. */
export const pencilRule: Rule = ({ mayWriteContent, touched }) =>
  !mayWriteContent && touched('elements').length > 0 ? refuse('pencil', 'pencilElsewhere') : null;

/**
 * Dots only from the voters a device speaks for, on notes, within the routine's budget, and
 * never from a seat or tablet the same change brings in (a device cannot mint voters).
 */
export const votesRule: Rule = ({ touched, speaksFor, board, votesPerParticipant }) => {
  const voters = touched('votes');
  if (voters.length === 0) return null;
  const minted = new Set([...touched('participants'), ...touched('seats')]);
  const mine = speaksFor().filter((id) => !minted.has(id));
  for (const voter of voters) {
    const reason = voteRefusal(
      board,
      voter,
      board.votes.get(voter) as VoteRecord | undefined,
      mine,
      votesPerParticipant,
    );
    if (reason) return refuse('vote', reason);
  }
  return null;
};
