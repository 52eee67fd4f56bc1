import { participantsOwnedBy } from '@roundtable/shared';
import { type Rule, refuse } from './rule';

/**
 * A device joins, renames or leaves as its own tablet only, once per board: a record it
 * writes carries its key hash, one it changes or removes must have carried it (or no key,
 * from before keys), it may not take a seat's id, and no key owns two records.
 */
export const participantsRule: Rule = ({ participantsBefore, board, keyHash }) => {
  for (const [id, before] of participantsBefore) {
    if (before && before.keyHash !== '' && before.keyHash !== keyHash) {
      return refuse('identity', 'ownTabletOnly');
    }
    const after = board.participants.get(id);
    if (!after) continue;
    if (keyHash === null || after.keyHash !== keyHash) {
      return refuse('identity', 'tabletOwnKey');
    }
    if (board.seats.has(id)) return refuse('identity', 'tabletNotSeatId');
  }
  if (participantsBefore.size > 0 && participantsOwnedBy(board, keyHash).length > 1) {
    return refuse('identity', 'oneTabletPerDevice');
  }
  return null;
};
