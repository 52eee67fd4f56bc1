import type { Board } from '../doc/board';
import type { VoteRecord } from '../schema/records/vote';
import { checkEntry } from '../schema/validate';
import { type Refusal, refusal } from '../wire/refusal';

/** Dots per note, from every voter's record. */
export function tallyVotes(votes: Iterable<VoteRecord>): Map<string, number> {
  const tally = new Map<string, number>();
  for (const vote of votes) {
    for (const noteId of vote.noteIds) tally.set(noteId, (tally.get(noteId) ?? 0) + 1);
  }
  return tally;
}

/** Whether `id` is a note on the board now (dots go on notes only). */
export function isNote(board: Board, id: string): boolean {
  return board.elements.get(id)?.type === 'note';
}

/** The notes on the board `voterId` has dotted (dots on notes since deleted do not count). */
export function votesOf(board: Board, voterId: string): string[] {
  const vote = board.votes.get(voterId);
  if (!vote || !checkEntry('votes', voterId, vote).ok) return [];
  return vote.noteIds.filter((id) => isNote(board, id));
}

/** Dots per note on the board now. */
export function tallyBoardVotes(board: Board): Map<string, number> {
  const tally = tallyVotes(board.votes.values());
  for (const id of [...tally.keys()]) if (!isNote(board, id)) tally.delete(id);
  return tally;
}

/**
 * May a device that speaks for `speaksFor` store `value` as `voterId`'s dots on `board`,
 * given the running routine's budget? The server's rule against raw clients; the board asks it first
 * so a student sees why, instead of being refused.
 */
export function voteRefusal(
  board: Board,
  voterId: string,
  value: VoteRecord | undefined,
  speaksFor: readonly string[],
  budget: number | null,
): Refusal | null {
  if (!speaksFor.includes(voterId)) return refusal('ownDotsOnly');
  if (value === undefined) return null; // taking all one's dots back
  if (budget === null) return refusal('noVoteNow');
  if (value.noteIds.length > budget) return { code: 'dotBudget', budget };
  if (!value.noteIds.every((id) => isNote(board, id))) return refusal('dotsOnNotes');
  return null;
}

/** `voterId` dots `noteId` (or takes the dot back when it is there): the new record. */
export function toggleVote(
  current: readonly string[],
  voterId: string,
  noteId: string,
): VoteRecord {
  const noteIds = current.includes(noteId)
    ? current.filter((id) => id !== noteId)
    : [...current, noteId];
  return { voterId, noteIds };
}
